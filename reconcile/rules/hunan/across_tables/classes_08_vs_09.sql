-- id: classes_08_vs_09
-- severity: warning
-- tables: 08, 09
-- description_zh: 行政单位的工资福利支出：预算08表机关工资福利支出各列 = 预算09表对应分组合计（工资奖金津补贴 = 工资津补贴合计，社会保障缴费，住房公积金，其他工资福利支出），逐行（事业单位行整列为对事业单位经常性补助，不比）。
-- description_en: Wages of administrative units: table 08's 机关工资福利支出 columns equal table 09's matching group totals, row by row (rows of public institutions, whose wages 08 prints as one 对事业单位经常性补助 column, are skipped).
WITH
institution_rows AS (
    SELECT doc_id, row_no FROM amount_cells
    WHERE table_code = '08' AND column_path = '对事业单位经常性补助/合计' AND value <> 0
),
compared AS (
    SELECT * FROM compare_rows('08', ['机关工资福利支出/工资奖金津补贴'], '09', ['工资津补贴/合计'],
        ['entity', 'subject'])
    UNION ALL
    SELECT * FROM compare_rows('08', ['机关工资福利支出/社会保障缴费'], '09', ['社会保障缴费/合计'],
        ['entity', 'subject'])
    UNION ALL
    SELECT * FROM compare_rows('08', ['机关工资福利支出/住房公积金'], '09', ['住房公积金'],
        ['entity', 'subject'])
    UNION ALL
    SELECT * FROM compare_rows('08', ['机关工资福利支出/其他工资福利支出'],
        '09', ['其他工资福利支出/合计'], ['entity', 'subject'])
)
SELECT c.* FROM compared AS c
WHERE c.table_code = '08'
  AND NOT EXISTS (
      SELECT 1 FROM institution_rows AS i WHERE i.doc_id = c.doc_id AND i.row_no = c.row_no
  )
