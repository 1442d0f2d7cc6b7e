/**
 * The survey pages, loaded as their own chunk the first time a survey route opens (see
 * components/SurveySection.tsx), so signing in and the inbox do not pay for the builder and
 * the report.
 */
export { SurveyEdit, SurveyNew } from './SurveyEditor';
export { SurveyReport } from './SurveyReport';
export { Surveys } from './Surveys';
