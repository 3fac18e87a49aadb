-- id: classes_12_vs_13
-- severity: warning
-- tables: 12, 13
-- description_zh: 行政单位的商品和服务支出：预算12表机关商品和服务支出各列 = 预算13表对应明细之和（办公经费 = 办公费、印刷费、水电、差旅等12项，委托业务费 = 劳务费，……），逐行（事业单位行不比）。
-- description_en: Office costs of administrative units: table 12's 机关商品和服务支出 columns equal the matching items of table 13 (办公经费 = 12 items such as 办公费, 印刷费, 差旅费; 委托业务费 = 劳务费; …), row by row (rows of public institutions are skipped).
WITH
institution_rows AS (
    SELECT doc_id, row_no FROM amount_cells
    WHERE table_code = '12' AND column_path = '对事业单位经常性补助/合计' AND value <> 0
),
compared AS (
    SELECT * FROM compare_rows(
        '12', ['机关商品和服务支出/办公经费'],
        '13', ['办公费', '印刷费', '水费', '电费', '邮电费', '取暖费', '物业管理费', '差旅费',
               '租赁费', '工会经费', '福利费', '其他交通费'],
        ['entity', 'subject'])
    UNION ALL
    SELECT * FROM compare_rows('12', ['机关商品和服务支出/会议费'], '13', ['会议费'],
        ['entity', 'subject'])
    UNION ALL
    SELECT * FROM compare_rows('12', ['机关商品和服务支出/培训费'], '13', ['培训费'],
        ['entity', 'subject'])
    UNION ALL
    SELECT * FROM compare_rows('12', ['机关商品和服务支出/委托业务费'], '13', ['劳务费'],
        ['entity', 'subject'])
    UNION ALL
    SELECT * FROM compare_rows('12', ['机关商品和服务支出/公务接待费'], '13', ['公务接待费'],
        ['entity', 'subject'])
    UNION ALL
    SELECT * FROM compare_rows('12', ['机关商品和服务支出/公务用车运行维护费'],
        '13', ['公务用车运行维护费'], ['entity', 'subject'])
    UNION ALL
    SELECT * FROM compare_rows('12', ['机关商品和服务支出/维修(护)费'], '13', ['维修(护)费'],
        ['entity', 'subject'])
    UNION ALL
    SELECT * FROM compare_rows('12', ['机关商品和服务支出/其他商品和服务支出'],
        '13', ['税金及附加费用', '其他商品和服务支出'], ['entity', 'subject'])
)
SELECT c.* FROM compared AS c
WHERE c.table_code = '12'
  AND NOT EXISTS (
      SELECT 1 FROM institution_rows AS i WHERE i.doc_id = c.doc_id AND i.row_no = c.row_no
  )
