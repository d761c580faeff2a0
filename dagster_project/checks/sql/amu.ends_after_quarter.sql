-- amu.ends_after_quarter: the course ends after the reported quarter, so it belongs to a later
-- one (amu-exam-result-reporting, FAQ: participations ending in a later quarter are deleted and
-- reported then).
select
    institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', institution_id, quarter, team_id, fagkode, course_start_date, person_key) as failure_key,
    'Slutdato ' || strftime(course_end_date, '%d-%m-%Y') || ' is after the last day of '
        || quarter || ' (' || strftime({{quarter_end}}, '%d-%m-%Y')
        || '). Expected an end date inside the quarter; report the participation with the quarter it ends in.' as detail
from intermediate.int_select_latest_amu_deliveries
where course_end_date > {{quarter_end}}
