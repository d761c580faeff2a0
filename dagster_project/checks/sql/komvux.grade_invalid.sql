-- komvux.grade_invalid: a Ping Pong Betyg is not on the Swedish scale A–F
-- (komvux-provning-routine: prövning grades are set on the course grade scale A–F).
select
    unit as institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', unit, term, group_name, course_code, coalesce(person_key, 'line ' || source_line)) as failure_key,
    'Betyg is ' || coalesce(grade, 'empty') || ' in group ' || coalesce(group_name, '?')
        || '. Expected one of A, B, C, D, E, F.' as detail
from intermediate.int_select_latest_komvux_grades
where grade is null or grade not in ('A', 'B', 'C', 'D', 'E', 'F')
