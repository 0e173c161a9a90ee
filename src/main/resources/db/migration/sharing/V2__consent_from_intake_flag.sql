-- The single consent flag of intake (opinion_request.consent_to_share, consent_at) becomes the first consent record of
-- each submitted case: records shared with the assigned reviewers, active since the flag was set. Drafts get theirs
-- when they are submitted. Running it twice changes nothing.
INSERT INTO sharing.consent (consent_id, version, case_id, choice, status, scope, category, provision_actor_role,
                             provision_actor, provision_purpose, date_time, recorded_by, source)
SELECT gen_random_uuid(), 1, r.id, 'REVIEWERS', 'active', 'patient-privacy', '59284-0', 'IRCP',
       'The assigned reviewers', 'TREAT', COALESCE(r.consent_at, r.created_at), r.patient_id, 'intake.consent_to_share'
FROM intake.opinion_request r
WHERE r.consent_to_share AND r.status <> 'DRAFT'
  AND NOT EXISTS (SELECT 1 FROM sharing.consent c WHERE c.case_id = r.id AND c.choice = 'REVIEWERS');
