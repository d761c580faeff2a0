-- komvux.grade_date_mismatch: the Ping Pong Betygsdatum differs from the prövning date the BER
-- enrolment of the same person in the same group registers as Till och med
-- (komvux-provning-routine, "Placera elev i prövningsgrupp": Fr.o.m. and T.o.m. are the
-- prövning date, which is the grade date).
select
    g.unit as institution_id,
    g.source_file,
    g.source_line,
    null as record_key,
    concat_ws('|', g.unit, g.term, g.group_name, g.course_code, g.person_key) as failure_key,
    'Betygsdatum is ' || coalesce(strftime(g.grade_date, '%Y-%m-%d'), 'empty')
        || ' but the BER enrolment in group ' || g.group_name || ' has prövning date (Till och med) '
        || string_agg(distinct strftime(e.exam_date, '%Y-%m-%d'), ', ')
        || '. Expected the grade date to equal the prövning date.' as detail
from intermediate.int_select_latest_komvux_grades as g
inner join intermediate.int_select_latest_komvux_enrolments as e
    on e.unit = g.unit and e.group_name = g.group_name and e.person_key = g.person_key
group by g.unit, g.source_file, g.source_line, g.term, g.group_name, g.course_code, g.person_key, g.grade_date
having not bool_or(e.exam_date is not distinct from g.grade_date)
