{#- Danish deliveries write dates dd-mm-yyyy, Swedish ones yyyy-mm-dd (CONTRACT §2). Ingestion has
    already rejected files whose values do not parse, so NULL here means an empty cell. -#}
{% macro parse_dk_date(column) -%}
    cast(try_strptime(nullif(trim({{ column }}), ''), '%d-%m-%Y') as date)
{%- endmacro %}

{% macro parse_dk_datetime(column) -%}
    coalesce(
        try_strptime(nullif(trim({{ column }}), ''), '%d-%m-%Y %H:%M'),
        try_strptime(nullif(trim({{ column }}), ''), '%d-%m-%Y')
    )
{%- endmacro %}

{% macro parse_se_date(column) -%}
    cast(try_strptime(nullif(trim({{ column }}), ''), '%Y-%m-%d') as date)
{%- endmacro %}
