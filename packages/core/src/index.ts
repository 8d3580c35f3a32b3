export * from './course.js'
export * from './diagnostic.js'
export * from './limits.js'
export * from './state-codec.js'
