{#- Primary suppression of published counts (CONTRACT §3): a count between 1 and min_cell - 1 is
    shown as NULL. Zero is shown: it discloses nothing about a person. -#}
{% macro suppress_small_count(count_sql) -%}
    case when ({{ count_sql }}) between 1 and {{ var('min_cell') }} - 1 then null else ({{ count_sql }}) end
{%- endmacro %}

{% macro is_small_count(count_sql) -%}
    (({{ count_sql }}) between 1 and {{ var('min_cell') }} - 1)
{%- endmacro %}
