-- komvux.personnummer_invalid: a Swedish personal number fails its date or Luhn check digit
-- (komvux-provning-routine: students are found and placed by personnummer). Ingestion judged it
-- before replacing it by a pseudonym; the row is named on whichever file carries it.
select
    unit as institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', unit, term, 'ber_enrolments', group_name, 'line', source_line) as failure_key,
    'Personnummer is invalid: ' || coalesce(person_number_issue, 'empty')
        || '. Expected YYMMDD-NNNC with a real birth date and a correct check digit.' as detail
from intermediate.int_select_latest_komvux_enrolments
where not coalesce(person_number_valid, false)
union all
select
    unit as institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', unit, term, 'pingpong_grades', group_name, 'line', source_line) as failure_key,
    'Personnummer is invalid: ' || coalesce(person_number_issue, 'empty')
        || '. Expected YYMMDD-NNNC with a real birth date and a correct check digit.' as detail
from intermediate.int_select_latest_komvux_grades
where not coalesce(person_number_valid, false)
