-- komvux.group_teachers (set-level): one prövning group has more than one grading teacher,
-- counting the BER group's Betygsättande lärare and those on its Ping Pong grades
-- (komvux-provning-routine: one group per course and grading teacher; a digit after the name
-- tells the groups of different teachers apart).
with

teachers as (
    select unit, term, group_name, unnest(grading_teacher_ids) as teacher_id
    from intermediate.int_select_latest_komvux_groups
    union all
    select unit, term, group_name, grading_teacher_id as teacher_id
    from intermediate.int_select_latest_komvux_grades
    where grading_teacher_id is not null
),

per_group as (
    select
        unit,
        term,
        group_name,
        list_sort(list_distinct(list(teacher_id))) as teacher_ids
    from teachers
    where group_name is not null
    group by unit, term, group_name
)

select
    unit as institution_id,
    null as source_file,
    null as source_line,
    concat_ws('|', unit, term, group_name) as record_key,
    concat_ws('|', unit, term, group_name) as failure_key,
    'Group ' || group_name || ' has ' || len(teacher_ids) || ' grading teachers ('
        || array_to_string(teacher_ids, ', ')
        || '). Expected one; give each teacher a group of their own (name suffix 1, 2, ...).' as detail
from per_group
where len(teacher_ids) > 1
