/** Where `getMiddlewares({ onError })` leaves its callback in the universal context, for the page renderer. */
export const ON_ERROR = Symbol.for('vike-photon:onError')
