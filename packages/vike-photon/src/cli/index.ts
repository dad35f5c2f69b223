console.log('vike-photon: the migrate CLI is coming')
