/** Data-model limits the player and the build enforce themselves (LMSs often do not). */
export const SUSPEND_DATA_LIMIT = { scorm12: 4096, scorm2004: 64000 } as const
export const LOCATION_LIMIT = { scorm12: 255, scorm2004: 1000 } as const
/** Above this a 2004 state still works but older (2nd edition) LMSs may cut it. */
export const SCORM2004_SUSPEND_DATA_WARNING = 4000
