-- One delivered exam complaint, Danish names translated once; the decision through its seed.
with

source as (

    select * from {{ source('complaints', 'complaints') }}

),

decisions as (select * from {{ ref('complaint_decision_codes') }}),

renamed as (

    select
        source.source_file,
        source.source_line,
        source.institution_id,
        source.period as term,
        source.extracted_on,
        trim(source."Klage-id") as complaint_id,
        source.person_key,
        source.person_number_valid,
        source.person_number_issue,
        source.person_birth_year,
        source.person_sex,
        trim(source."Fag") as subject,
        {{ parse_dk_date('source."Prøvedato"') }} as exam_date,
        {{ parse_dk_date('source."Modtaget"') }} as received_on,
        {{ parse_dk_date('source."Afgjort"') }} as decided_on,
        decisions.decision,
        decisions.upheld,
        nullif(trim(source."Ny karakter"), '') as new_grade

    from source
    left join decisions on lower(trim(source."Afgørelse")) = decisions.decision_da

)

select * from renamed
