-- amu.result_code_invalid: Resultat is a whole number outside 0–6 (amu-exam-result-reporting,
-- Bilag 1 lists 1–6; 0 is the pre-filled "no result").
select
    institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', institution_id, quarter, team_id, fagkode, course_start_date, person_key) as failure_key,
    'Resultat is ' || result_code || '; expected 0 (none yet) or a result code 1–6.' as detail
from intermediate.int_select_latest_amu_deliveries
where result_code not between 0 and 6
