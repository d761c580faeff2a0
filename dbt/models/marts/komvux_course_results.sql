-- Komvux prövning results per term × unit × course: grades A–F, passes (E or better) and mean
-- merit points (komvux-provning-routine; merit points from seed grade_scale_se).
{% set grades = ['a', 'b', 'c', 'd', 'e', 'f'] %}
{% set counts = ['provningar', 'provningar_passed'] %}
{% for g in grades %}{% do counts.append('grade_' ~ g) %}{% endfor %}
with

results as (

    select * from {{ ref('komvux_provning_results') }}

),

counted as (

    select
        term,
        unit,
        course_code,
        count(*) as provningar,
        count(*) filter (where passed) as provningar_passed,
        {% for g in grades -%}
        count(*) filter (where grade = '{{ g | upper }}') as grade_{{ g }},
        {% endfor -%}
        avg(merit_points) as mean_merit

    from results
    group by all

)

select
    term,
    unit,
    course_code,
    {{ unsuppressed_rate('provningar_passed', 'provningar') }} as pass_rate,
    case when provningar >= {{ var('min_cell') }} then round(mean_merit, 2) end as mean_merit_points,
    {{ suppressed_counts(counts) }}

from counted
