-- Survey reports (issue 13, item 3) count the people who dismissed a survey from its
-- `$survey_dismissed` track events. Without an index that is a scan of every event of the
-- project (page views and tracks included); this partial index holds dismissals only, so it
-- stays small and costs nothing on the ingest of other events.
CREATE INDEX IF NOT EXISTS events_survey_dismissals
  ON events (project_id, (properties->>'surveyId'), occurred_at)
  WHERE type = 'track' AND name = '$survey_dismissed';
