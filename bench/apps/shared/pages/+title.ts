export default 'vike-photon bench'
