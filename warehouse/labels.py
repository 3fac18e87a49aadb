"""What a person reads over a column: its Chinese label (中文列名), shown above the snake_case
name in exported workbooks and as the column heading on the site; and the Chinese name of each
exported relation, which is its sheet's name.

A column not listed here is labelled with its own name.
"""

from __future__ import annotations

COLUMN_LABELS = {
    # who, what, where
    "year": "年度",
    "province": "省份",
    "city": "城市",
    "county": "区县",
    "region_code": "行政区划代码",
    "level": "级次",
    "unit_name": "单位名称",
    "printed_unit_name": "单位名称（所印）",
    "unit_code": "单位代码",
    "parent_code": "上级单位代码",
    "printed_names": "所印名称",
    "kind": "类别",
    "scope": "公开范围",
    "template": "格式",
    "file_name": "文件名",
    "doc_id": "文件编号（sha256）",
    "source_uri": "来源",
    "raw_path": "原件路径",
    "byte_size": "文件大小（字节）",
    "page_count": "页数",
    "table_count": "表数",
    "cell_count": "单元格数",
    "status": "状态",
    "reason": "原因",
    "message": "说明",
    "superseded_by": "被替代为",
    "flow_run_id": "Prefect 运行",
    "ingested_at": "入库时间（UTC）",
    "status_changed_at": "状态变更时间（UTC）",
    "first_year": "首年",
    "last_year": "末年",
    # tables and cells
    "table_no": "表序",
    "table_code": "表号",
    "standard_table": "标准表",
    "title": "表名",
    "unit_label": "金额单位",
    "page_from": "起始页",
    "page_to": "结束页",
    "header_rows": "表头行数",
    "column_count": "列数",
    "row_count": "行数",
    "is_empty": "空表",
    "notes": "注",
    "row_no": "行",
    "column_no": "列",
    "column_path": "栏目（所印）",
    "template_path": "栏目（模板）",
    "column_kind": "栏目类型",
    "row_kind": "行类型",
    "row_label": "行名称",
    "text": "所印文字",
    "page_no": "页码",
    "bbox_x0": "左",
    "bbox_top": "上",
    "bbox_x1": "右",
    "bbox_bottom": "下",
    # subjects and amounts
    "classification": "分类",
    "fund_scope": "资金范围",
    "subject_code": "科目编码",
    "subject_name": "科目名称",
    "subject_level": "科目级次",
    "entity_code": "单位（实体）代码",
    "entity_name": "单位（实体）名称",
    "is_leaf": "明细（合计一次）",
    "measure": "指标",
    "amount": "金额（所印单位）",
    "amount_yuan": "金额（元）",
    "item": "收入项目",
    "economic_code": "经济分类编码",
    "economic_class": "经济分类",
    "economic_level": "经济分类级次",
    "function_code": "功能分类编码",
    "function_name": "功能分类名称",
    "target_scope": "绩效目标范围",
    "target_name": "绩效目标对象",
    "field": "栏目",
    "code": "编码",
    "name": "名称",
    "path_name": "全称",
    "reference_name": "标准名称",
    # reconciliation and validation
    "run_id": "对账批次",
    "checked_at": "核对时间（UTC）",
    "rule_id": "规则",
    "family": "规则类别",
    "severity": "级别",
    "expected": "应为",
    "actual": "所印",
    "difference": "差额",
    "errors": "错误",
    "warnings": "警告",
    "info": "提示",
    "rules": "适用规则数",
    "rules_evaluated": "已核对规则数",
    "rules_not_evaluated": "未核对规则数",
    "not_evaluated": "未核对及原因",
    "suite": "校验套件",
    "expectation": "校验项",
    "column_name": "所校验栏目",
    "success": "通过",
    "explanation": "说明",
    "examples": "示例",
    "element_count": "校验数",
    "unexpected_count": "不符数",
    "validated_at": "校验时间（UTC）",
}

# The Chinese name of each exported relation: its sheet in the workbook (Excel allows 31
# characters), and its heading wherever a person reads it.
RELATION_LABELS = {
    "disclosures": "公开文件台账",
    "budget_tables": "预算表",
    "expenditure_by_function": "支出功能分类",
    "income": "收入",
    "basic_expenditure_by_economic_class": "基本支出经济分类",
    "sangong_costs": "三公经费",
    "government_funds": "政府性基金预算支出",
    "performance_targets": "绩效目标",
    "budget_facts": "预算事实",
    "budget_cells": "预算单元格",
    "reconciliation_status": "对账状态",
    "reconciliation_findings_latest": "最新对账结果",
    "units": "单位",
    "subjects": "科目",
}


def column_label(name: str) -> str:
    """The Chinese label of a column, else its name."""
    return COLUMN_LABELS.get(name, name)


def relation_label(name: str) -> str:
    """The Chinese name of a relation, else its name."""
    return RELATION_LABELS.get(name, name)
