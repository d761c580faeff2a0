-- komvux.group_end_invalid: a spring (VT) group ends after 30 June or an autumn (HT) group after
-- 31 December of the term's year (komvux-provning-routine, "Skapa prövningsgrupp": the group's
-- dates lie within the term it is created for).
with

bounds as (
    select
        *,
        case right(term, 2)
            when 'VT' then make_date(cast(left(term, 4) as integer), 6, 30)
            when 'HT' then make_date(cast(left(term, 4) as integer), 12, 31)
        end as term_end
    from intermediate.int_select_latest_komvux_groups
)

select
    unit as institution_id,
    source_file,
    source_line,
    null as record_key,
    concat_ws('|', unit, term, course_code, coalesce(group_name, 'line ' || source_line)) as failure_key,
    'Till och med is ' || strftime(ends_on, '%Y-%m-%d') || ' for group ' || coalesce(group_name, '?')
        || '; a ' || term || ' group must end by ' || strftime(term_end, '%Y-%m-%d') || '.' as detail
from bounds
where ends_on > term_end
