// What a server build imports as `@photonjs/core/errors` (plugin/photon-runtime-plugin.ts): the same error classes
// and asserts as @photonjs/core 0.1.22, with the same messages, without colouring their `[photon][...]` prefix. That
// colouring brought ansis' 5 KB into every server bundle.

export class PhotonError extends Error {
  constructor(category: string, message: string, options?: ErrorOptions) {
    super(`[photon][${category}] ${message}`, options)
    this.name = this.constructor.name
  }
}

/** Internal Photon bugs that should be reported to its maintainers. */
export class PhotonBugError extends PhotonError {
  constructor(message?: string, options?: ErrorOptions) {
    super(
      'Bug',
      message ||
        'You stumbled upon a PhotonJS bug. Reach out on GitHub and copy-paste this error — a maintainer will fix the bug.',
      options,
    )
  }
}

export class PhotonUsageError extends PhotonError {
  constructor(message: string, options?: ErrorOptions) {
    super('Wrong Usage', message, options)
  }
}

export class PhotonConfigError extends PhotonError {
  constructor(message: string, options?: ErrorOptions) {
    super('Config Error', message, options)
  }
}

export class PhotonRuntimeError extends PhotonError {
  constructor(message: string, options?: ErrorOptions) {
    super('Runtime Error', message, options)
  }
}

export class PhotonDependencyError extends PhotonError {
  constructor(message: string, options?: ErrorOptions) {
    super('Dependency Error', message, options)
  }
}

export function assert(condition: unknown): asserts condition {
  if (!condition) throw new PhotonBugError()
}

export function assertUsage(condition: unknown, message: string): asserts condition {
  if (!condition) throw new PhotonUsageError(message)
}
