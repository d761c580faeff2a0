{#- Deliveries write several ids or grades in one cell separated by `|` (CONTRACT §2.2, §2.3,
    §2.5). An empty cell is an empty list, not a list with one empty token, so list lengths count
    assessors. Tokens are trimmed and otherwise kept as delivered. -#}
{% macro split_pipe_list(column) -%}
    case
        when nullif(trim({{ column }}), '') is null then []::varchar[]
        else list_filter(list_transform(string_split({{ column }}, '|'), lambda t: trim(t)), lambda t: t <> '')
    end
{%- endmacro %}

{#- Ja/Nej flags; anything else is unknown (NULL). -#}
{% macro parse_ja_nej(column) -%}
    case lower(trim({{ column }})) when 'ja' then true when 'nej' then false end
{%- endmacro %}

{#- Age bands published for AMU participants; age is counted in whole years at the period year. -#}
{% macro age_band(age_sql) -%}
    case
        when ({{ age_sql }}) is null then 'unknown'
        when ({{ age_sql }}) < 25 then '<25'
        when ({{ age_sql }}) < 35 then '25-34'
        when ({{ age_sql }}) < 45 then '35-44'
        when ({{ age_sql }}) < 55 then '45-54'
        else '55+'
    end
{%- endmacro %}

{#- Danish terms `2025-S` (May–June) and `2025-V` (December–January, starting that December)
    and Swedish terms `2025VT` / `2025HT`: the calendar year the term starts in. The terms
    calendar is generated here rather than seeded: a term's year and kind are in its label. -#}
{% macro term_year(term_sql) -%}
    try_cast(left({{ term_sql }}, 4) as integer)
{%- endmacro %}

{% macro dk_term_start(term_sql) -%}
    case right({{ term_sql }}, 1)
        when 'S' then make_date({{ term_year(term_sql) }}, 5, 1)
        when 'V' then make_date({{ term_year(term_sql) }}, 12, 1)
    end
{%- endmacro %}
