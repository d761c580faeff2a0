-- amu.result_missing: no result registered for a course that ended inside the reported quarter.
select
    institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', institution_id, quarter, team_id, fagkode, course_start_date, person_key) as failure_key,
    'No result registered (Resultat = '
        || coalesce(cast(result_code as varchar), 'empty')
        || ') for course ' || fagkode || ' on team ' || coalesce(team_id, '?')
        || ', which ended ' || strftime(course_end_date, '%d-%m-%Y')
        || ' inside ' || quarter || '. Expected a result code 1–6.' as detail
from intermediate.int_select_latest_amu_deliveries
where coalesce(result_code, 0) = 0
    and course_end_date between {{quarter_start}} and {{quarter_end}}
