{#- Primary suppression of published counts (CONTRACT §3): a count between 1 and min_cell - 1 is
    shown as NULL. Zero is shown: it discloses nothing about a person. -#}
{% macro suppress_small_count(count_sql) -%}
    case when ({{ count_sql }}) between 1 and {{ var('min_cell') }} - 1 then null else ({{ count_sql }}) end
{%- endmacro %}

{% macro is_small_count(count_sql) -%}
    (({{ count_sql }}) between 1 and {{ var('min_cell') }} - 1)
{%- endmacro %}

{#- A published aggregate row: every count column suppressed and one flag for the row. -#}
{% macro suppressed_counts(count_columns) -%}
    {% for column in count_columns -%}
    {{ suppress_small_count(column) }} as {{ column }},
    {% endfor -%}
    ({% for column in count_columns %}{{ is_small_count(column) }}{% if not loop.last %} or {% endif %}{% endfor %}) as suppressed
{%- endmacro %}

{#- A rate over counts: hidden when either count is hidden, since the rate would reveal it. -#}
{% macro unsuppressed_rate(numerator, denominator) -%}
    case
        when ({{ denominator }}) = 0 or {{ is_small_count(numerator) }} or {{ is_small_count(denominator) }} then null
        else round(({{ numerator }}) / ({{ denominator }}), 4)
    end
{%- endmacro %}
