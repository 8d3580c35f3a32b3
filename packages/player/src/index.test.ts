import { describe, expect, it } from 'vitest'
import * as player from './index.js'

describe('@cafes/player', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(player).sort()).toEqual([
      'CMI5_CATEGORY',
      'CMI5_MASTERY_EXTENSION',
      'CMI5_MOVEON',
      'DESCRIPTION_LIMIT',
      'FIRST_LAUNCH_STATUSES',
      'MAX_PARENT_HOPS',
      'MAX_REPORT_RETRIES',
      'NoneTracker',
      'PATTERN_LIMIT',
      'PERIODIC_COMMIT_MS',
      'PLAYER_BUILD_OPTIONS',
      'PLAYER_ENTRIES',
      'PLAYER_ENTRY_TARGETS',
      'PLAYER_STYLESHEET',
      'PlayerEngine',
      'SCORM_EDITIONS',
      'STATE_ID',
      'STRINGS',
      'ScormTracker',
      'TIMER_SAVE_SECONDS',
      'VOCABULARY',
      'XapiTracker',
      'agentKey',
      'answerStatement',
      'appRoot',
      'browserStorage',
      'buildReport',
      'connectCmi5',
      'connectTinCan',
      'createEngine',
      'createNoneTracker',
      'createScorm12Tracker',
      'createScorm2004Tracker',
      'findApi',
      'findApiNow',
      'formatCmiTime',
      'formatCmiTimespan',
      'formatIsoDuration',
      'formatScorm2004Timestamp',
      'interactionDescription',
      'isRightAnswer',
      'moduleScore',
      'newUuid',
      'noneStorageKey',
      'normaliseFillIn',
      'pageStatement',
      'parseAgent',
      'parseCmi5Launch',
      'parseTinCanLaunch',
      'pathStatement',
      'questionIndex',
      'quizResult',
      'readCourse',
      'requiredMedia',
      'resultStatements',
      'scenarioPaths',
      'scorm12AnswerWrites',
      'scorm12FinishWrites',
      'scorm12FirstLaunchWrites',
      'scorm12LaunchData',
      'scorm12Mapping',
      'scorm12PathWrites',
      'scorm12Patterns',
      'scorm12ProgressWrites',
      'scorm12ReportWrites',
      'scorm2004AnswerWrites',
      'scorm2004FinishWrites',
      'scorm2004FirstLaunchWrites',
      'scorm2004LaunchData',
      'scorm2004Mapping',
      'scorm2004PathWrites',
      'scorm2004Patterns',
      'scorm2004ProgressWrites',
      'scorm2004ReportWrites',
      'sessionStatement',
      'showCourseMissing',
      'startPlayer',
      'uiLanguage',
      'uiStrings',
      'weightedScore',
      'whenReady',
    ])
  })

  it('names one entry file per target and the stylesheet', () => {
    expect(player.PLAYER_ENTRY_TARGETS).toEqual(['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web'])
    expect(player.PLAYER_ENTRIES.cmi5.pathname).toMatch(/\/packages\/player\/src\/entries\/cmi5\.ts$/)
    expect(player.PLAYER_ENTRIES.scorm12.pathname).toMatch(/\/packages\/player\/src\/entries\/scorm12\.ts$/)
    expect(player.PLAYER_STYLESHEET.pathname).toMatch(/\/packages\/player\/src\/styles\/player\.css$/)
  })

  it('has every interface string in both languages', () => {
    expect(Object.keys(player.STRINGS.en).sort()).toEqual(Object.keys(player.STRINGS.fr).sort())
    expect(player.uiLanguage('en-GB')).toBe('en')
    expect(player.uiLanguage('fr')).toBe('fr')
    expect(player.uiLanguage('de')).toBe('fr')
    expect(player.uiLanguage('fr', 'de-DE, en-US,fr-FR')).toBe('en')
    expect(player.uiLanguage('en', 'it')).toBe('en')
    expect(player.STRINGS.fr.pageOf(2, 5)).toBe('Page 2 / 5')
  })
})
