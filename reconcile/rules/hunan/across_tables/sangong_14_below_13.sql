-- id: sangong_14_below_13
-- severity: warning
-- tables: 13, 14
-- description_zh: “三公”经费表的公务接待费、公务用车运行费不少于基本支出公用经费（预算13表）中的同项（部门及各单位）：三公经费含基本支出和项目支出。
-- description_en: The three-public-costs table (14) prints at least the reception and vehicle-operation costs of the basic office costs (13), for the department and every entity: 三公 covers basic and project spending alike.
SELECT * FROM (
    SELECT * FROM compare_rows('14', ['公务接待费'], '13', ['公务接待费'], ['unit', 'entity'])
    UNION ALL
    SELECT * FROM compare_rows('14', ['公务用车购置及运行费/公务用车运行费'],
        '13', ['公务用车运行维护费'], ['unit', 'entity'])
)
WHERE actual < expected
