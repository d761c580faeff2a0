{#- First and last day of a reporting quarter written `2025Q3`. -#}
{% macro quarter_start(quarter_sql) -%}
    make_date(cast(left({{ quarter_sql }}, 4) as integer), (cast(right({{ quarter_sql }}, 1) as integer) - 1) * 3 + 1, 1)
{%- endmacro %}

{% macro quarter_end(quarter_sql) -%}
    cast({{ quarter_start(quarter_sql) }} + interval 3 month - interval 1 day as date)
{%- endmacro %}
