{#- Use the configured schema name as is (`staging`, `marts`, ...): the published schemas are part
    of the contract and must not carry dbt's `<target>_` prefix. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
