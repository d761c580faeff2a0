{#-
    The grading rule, in one place (CONTRACT §4). Source: folkeskole-censor-guide, section 3.5,
    "Uddrag af karakterbekendtgørelsen, uenighed om karakter":
      §14 stk. 1  one assessor (or one side) sets the grade;
      §14 stk. 2  censor and examiner disagreeing: their mean, rounded to the nearest grade on the
                  scale; exactly half-way goes to the nearer higher grade if the censor gave the
                  higher grade, otherwise to the nearer lower grade;
      §14 stk. 3  a Bestået/Ikke bestået dispute: the censor decides;
      §15         several censors (or several examiners) act as one side; within a side a
                  disagreement is settled by the mean rounded to the nearest grade, half-way up.
    FVU trinprøver and FGU vocational themes are graded B/IB (fvu-written-exam-rules,
    fgu-exam-regulations), so they follow §14 stk. 3. Statuses other than `assessed` carry no grade.
    Grade tokens stay text as delivered; `02` and `00` are 2 and 0 on the scale.
-#}

{% macro valid_grade_tokens() -%}
    ['12', '10', '7', '4', '02', '00', '-3', 'B', 'IB']
{%- endmacro %}

{#- True when every token in the list is on the 7-point scale or B/IB (an empty list is valid). -#}
{% macro grade_tokens_valid(grades) -%}
    coalesce(list_bool_and(list_transform({{ grades }}, lambda t: t in ('12', '10', '7', '4', '02', '00', '-3', 'B', 'IB'))), true)
{%- endmacro %}

{% macro grade_value(token) -%}
    case {{ token }}
        when '12' then 12 when '10' then 10 when '7' then 7 when '4' then 4
        when '02' then 2 when '00' then 0 when '-3' then -3
    end
{%- endmacro %}

{#- The scale value nearest to a mean. The cut points are the midpoints between neighbouring
    grades; at a midpoint `tie_up` (a SQL boolean) decides between the higher and the lower one.
    The one-element list lets DuckDB evaluate the mean once instead of once per cut point. -#}
{% macro nearest_grade_token(mean_sql, tie_up_sql='true') -%}
    list_transform([struct_pack(m := ({{ mean_sql }}), up := ({{ tie_up_sql }}))], lambda n: case
        {% for mid, upper in [(11, '12'), (8.5, '10'), (5.5, '7'), (3, '4'), (1, '02'), (-1.5, '00')] -%}
        when n.m > {{ mid }} or (n.m = {{ mid }} and n.up) then '{{ upper }}'
        {% endfor -%}
        when n.m is not null then '-3'
    end)[1]
{%- endmacro %}

{#- One side's grade (§15): a single grade as given; a disagreeing group's mean rounded to the
    nearest grade, half-way up. A pass/fail group is read B = 1, IB = 0 the same way, so a split
    group passes. Empty, invalid or mixed-scale groups give NULL. -#}
{% macro side_grade(grades) -%}
    case
        when len({{ grades }}) = 0 or not {{ grade_tokens_valid(grades) }} then null
        when list_bool_and(list_transform({{ grades }}, lambda t: t in ('B', 'IB')))
            then case
                when list_avg(list_transform({{ grades }}, lambda t: case when t = 'B' then 1.0 else 0.0 end)) >= 0.5
                    then 'B' else 'IB'
            end
        when list_bool_and(list_transform({{ grades }}, lambda t: t not in ('B', 'IB')))
            then {{ nearest_grade_token('list_avg(list_transform(' ~ grades ~ ', lambda t: ' ~ grade_value('t') ~ '))') }}
    end
{%- endmacro %}

{#- The two sides combined (§14 stk. 1–3), from the sides' tokens as side_grade() gives them. -#}
{% macro combine_sides(examiner_side, censor_side) -%}
    list_transform([struct_pack(e := ({{ examiner_side }}), c := ({{ censor_side }}))], lambda s: case
        when s.e is null then s.c
        when s.c is null then s.e
        when s.e = s.c then s.c
        when s.e in ('B', 'IB') or s.c in ('B', 'IB') then s.c
        else {{ nearest_grade_token(
            '(' ~ grade_value('s.e') ~ ' + ' ~ grade_value('s.c') ~ ') / 2.0',
            grade_value('s.c') ~ ' > ' ~ grade_value('s.e')) }}
    end)[1]
{%- endmacro %}

{#- The final grade of one sitting. `status` is the English status code: only `assessed` sittings
    have a grade. With no assessor grades at all (digital self-scoring) the reported grade is the
    final grade; any invalid assessor token means no grade can be derived. -#}
{% macro final_grade(examiner_grades, censor_grades, reported_grade, status) -%}
    case
        when coalesce({{ status }}, '') <> 'assessed' then null
        when not {{ grade_tokens_valid(examiner_grades) }} or not {{ grade_tokens_valid(censor_grades) }} then null
        when len({{ examiner_grades }}) = 0 and len({{ censor_grades }}) = 0
            then case when {{ reported_grade }} in ('12', '10', '7', '4', '02', '00', '-3', 'B', 'IB') then {{ reported_grade }} end
        else {{ combine_sides(side_grade(examiner_grades), side_grade(censor_grades)) }}
    end
{%- endmacro %}
