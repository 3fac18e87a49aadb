-- id: sangong_14_vs_13
-- severity: info
-- tables: 13, 14
-- description_zh: “三公”经费表的公务接待费、公务用车运行费多于基本支出中的同项：差额应是项目支出安排的三公经费（部门及各单位）。
-- description_en: The three-public-costs table (14) prints more reception or vehicle-operation cost than the basic office costs (13) hold: the difference should be 三公 spending funded by projects.
SELECT * FROM (
    SELECT * FROM compare_rows('14', ['公务接待费'], '13', ['公务接待费'], ['unit', 'entity'])
    UNION ALL
    SELECT * FROM compare_rows('14', ['公务用车购置及运行费/公务用车运行费'],
        '13', ['公务用车运行维护费'], ['unit', 'entity'])
)
WHERE actual > expected
