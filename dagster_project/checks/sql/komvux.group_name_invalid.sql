-- komvux.group_name_invalid: a prövning group is not named PRÖ: + school initials (Enhet) + YY +
-- VT/HT (the term) + the course code without its 3-letter subject prefix, uppercased, optionally
-- followed by one digit that tells teachers apart (komvux-provning-routine, "Skapa
-- prövningsgrupp": MATMAT03b in spring 2025 at KC is PRÖ:KC25VTMAT03B).
with

expected as (
    select
        *,
        'PRÖ:' || group_unit || right(left(term, 4), 2) || right(term, 2)
            || upper(substr(course_code, 4)) as expected_name
    from intermediate.int_select_latest_komvux_groups
)

select
    unit as institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', unit, term, course_code, coalesce(group_name, 'line ' || source_line)) as failure_key,
    'Gruppnamn is ' || coalesce(group_name, 'empty') || '; expected '
        || coalesce(expected_name, 'PRÖ:<enhet><YY><VT/HT><kurskod>')
        || ' (optionally followed by one digit) for course ' || coalesce(course_code, '?')
        || ' in ' || term || '.' as detail
from expected
where expected_name is null
    or group_name is null
    or not (
        group_name = expected_name
        or (
            length(group_name) = length(expected_name) + 1
            and starts_with(group_name, expected_name)
            and right(group_name, 1) between '0' and '9'
        )
    )
