-- amu.dates_inverted: the course starts after it ends.
select
    institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', institution_id, quarter, team_id, fagkode, course_start_date, person_key) as failure_key,
    'Startdato ' || strftime(course_start_date, '%d-%m-%Y') || ' is after Slutdato '
        || strftime(course_end_date, '%d-%m-%Y') || '. Expected the start on or before the end.' as detail
from intermediate.int_select_latest_amu_deliveries
where course_start_date > course_end_date
