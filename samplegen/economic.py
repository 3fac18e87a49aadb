"""部门预算支出经济分类: the economic classes the 基本支出 tables print, and where the
budget's items (samplegen.budget) sit in it.

Classes have 3 digits (`301` 工资福利支出), items 5 (`30101` 基本工资). These codes look like
功能分类 subject codes but are not: a row printing one is an item row (`RowSpec.economic_code`).
The lists are the national ones as the 决算 and budget tables print them (the central 2024 决算
and Shanghai's 决算 template print the same codes), shortened where a class is long.
"""

from __future__ import annotations

from samplegen.budget import FAMILY, GOODS, SALARY

PERSONNEL = "301"  # 工资福利支出
GOODS_AND_SERVICES = "302"  # 商品和服务支出
HOUSEHOLDS = "303"  # 对个人和家庭的补助
DEBT_INTEREST = "307"  # 债务利息及费用支出
CAPITAL = "310"  # 资本性支出
OTHER = "399"  # 其他支出

CLASSES: dict[str, str] = {
    PERSONNEL: "工资福利支出",
    GOODS_AND_SERVICES: "商品和服务支出",
    HOUSEHOLDS: "对个人和家庭的补助",
    DEBT_INTEREST: "债务利息及费用支出",
    CAPITAL: "资本性支出",
    OTHER: "其他支出",
}

ITEMS: dict[str, tuple[tuple[str, str], ...]] = {
    PERSONNEL: (
        ("30101", "基本工资"),
        ("30102", "津贴补贴"),
        ("30103", "奖金"),
        ("30106", "伙食补助费"),
        ("30107", "绩效工资"),
        ("30108", "机关事业单位基本养老保险缴费"),
        ("30109", "职业年金缴费"),
        ("30110", "职工基本医疗保险缴费"),
        ("30111", "公务员医疗补助缴费"),
        ("30112", "其他社会保障缴费"),
        ("30113", "住房公积金"),
        ("30114", "医疗费"),
        ("30199", "其他工资福利支出"),
    ),
    HOUSEHOLDS: (
        ("30301", "离休费"),
        ("30302", "退休费"),
        ("30303", "退职（役）费"),
        ("30304", "抚恤金"),
        ("30305", "生活补助"),
        ("30306", "救济费"),
        ("30307", "医疗费补助"),
        ("30308", "助学金"),
        ("30309", "奖励金"),
        ("30310", "个人农业生产补贴"),
        ("30399", "其他对个人和家庭的补助"),
    ),
    GOODS_AND_SERVICES: (
        ("30201", "办公费"),
        ("30202", "印刷费"),
        ("30203", "咨询费"),
        ("30204", "手续费"),
        ("30205", "水费"),
        ("30206", "电费"),
        ("30207", "邮电费"),
        ("30208", "取暖费"),
        ("30209", "物业管理费"),
        ("30211", "差旅费"),
        ("30212", "因公出国（境）费用"),
        ("30213", "维修（护）费"),
        ("30214", "租赁费"),
        ("30215", "会议费"),
        ("30216", "培训费"),
        ("30217", "公务接待费"),
        ("30218", "专用材料费"),
        ("30226", "劳务费"),
        ("30227", "委托业务费"),
        ("30228", "工会经费"),
        ("30229", "福利费"),
        ("30231", "公务用车运行维护费"),
        ("30239", "其他交通费用"),
        ("30240", "税金及附加费用"),
        ("30299", "其他商品和服务支出"),
    ),
    DEBT_INTEREST: (("30701", "国内债务付息"), ("30702", "国外债务付息")),
    CAPITAL: (
        ("31002", "办公设备购置"),
        ("31003", "专用设备购置"),
        ("31007", "信息网络及软件购置更新"),
        ("31013", "公务用车购置"),
        ("31022", "无形资产购置"),
        ("31099", "其他资本性支出"),
    ),
    OTHER: (("39907", "国家赔偿费用支出"), ("39999", "其他支出")),
}

NAMES: dict[str, str] = {**CLASSES, **{c: n for items in ITEMS.values() for c, n in items}}

# The budget model's 基本支出 items (samplegen.budget's item names) → their economic item code.
_BY_NAME = {n: c for items in ITEMS.values() for c, n in items}
_RENAMED = {
    "维修(护)费": "30213",
    "其他交通费": "30239",
    "医疗费": "30114",
}
GROUP_CLASS = {SALARY: PERSONNEL, FAMILY: HOUSEHOLDS, GOODS: GOODS_AND_SERVICES}


def economic_item(group: str, item: str) -> str:
    """The 5-digit economic item of a 基本支出 allocation (its group and item name)."""
    code = _RENAMED.get(item) or _BY_NAME.get(item)
    if code is None:
        raise KeyError(f"no economic item for {item!r}")
    if code[:3] != GROUP_CLASS[group]:
        raise KeyError(f"{item!r} ({code}) is not of {GROUP_CLASS[group]}")
    return code


# 人员经费 are 工资福利支出 and 对个人和家庭的补助; 公用经费 the other classes of 基本支出.
PERSONNEL_CLASSES = (PERSONNEL, HOUSEHOLDS)
PUBLIC_CLASSES = (GOODS_AND_SERVICES, DEBT_INTEREST, CAPITAL, OTHER)
