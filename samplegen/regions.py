"""Real administrative divisions the national generator publishes from (test data only).

Each `Region` is a province, a city or a county-level district with its GB/T 2260 area code,
as a disclosure's text names it (`浙江省杭州市`, `福建省福州市仓山区`). The province-level
municipalities appear as provinces only (their own bodies: 北京市信访办公室). The list is
deliberately small and spread over provinces the real files in `../shared/real/national/`
come from and others they do not.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    province: str
    city: str | None
    county: str | None
    code: str  # GB/T 2260 code of the lowest level named

    @property
    def level(self) -> str:
        """The level of government its bodies belong to: 省 | 市 | 区县."""
        return "区县" if self.county else "市" if self.city else "省"

    @property
    def prefix(self) -> str:
        """How a body's name begins: `浙江省`, `杭州市`, `福州市仓山区`."""
        if self.county:
            return f"{self.city or ''}{self.county}"
        return self.city or self.province

    @property
    def short(self) -> str:
        """The place's own name, for schools and the like (`杭州`, `仓山`)."""
        name = self.county or self.city or self.province
        for suffix in (
            "维吾尔自治区",
            "壮族自治区",
            "回族自治区",
            "自治区",
            "省",
            "市",
            "区",
            "县",
        ):
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                return name[: -len(suffix)]
        return name


def _p(province: str, code: str) -> Region:
    return Region(province, None, None, code)


def _c(province: str, city: str, code: str) -> Region:
    return Region(province, city, None, code)


def _d(province: str, city: str, county: str, code: str) -> Region:
    return Region(province, city, county, code)


REGIONS: tuple[Region, ...] = (
    _p("浙江省", "330000"),
    _c("浙江省", "杭州市", "330100"),
    _d("浙江省", "杭州市", "西湖区", "330106"),
    _d("浙江省", "杭州市", "余杭区", "330110"),
    _c("浙江省", "湖州市", "330500"),
    _d("浙江省", "湖州市", "吴兴区", "330502"),
    _c("浙江省", "宁波市", "330200"),
    _d("浙江省", "宁波市", "鄞州区", "330212"),
    _p("福建省", "350000"),
    _c("福建省", "福州市", "350100"),
    _d("福建省", "福州市", "仓山区", "350104"),
    _d("福建省", "福州市", "鼓楼区", "350102"),
    _c("福建省", "泉州市", "350500"),
    _d("福建省", "泉州市", "丰泽区", "350503"),
    _c("福建省", "厦门市", "350200"),
    _d("福建省", "厦门市", "思明区", "350203"),
    _p("广东省", "440000"),
    _c("广东省", "广州市", "440100"),
    _d("广东省", "广州市", "天河区", "440106"),
    _c("广东省", "深圳市", "440300"),
    _d("广东省", "深圳市", "宝安区", "440306"),
    _d("广东省", "深圳市", "南山区", "440305"),
    _c("广东省", "珠海市", "440400"),
    _d("广东省", "珠海市", "香洲区", "440402"),
    _p("山东省", "370000"),
    _c("山东省", "烟台市", "370600"),
    _d("山东省", "烟台市", "芝罘区", "370602"),
    _c("山东省", "济南市", "370100"),
    _d("山东省", "济南市", "历下区", "370102"),
    _c("山东省", "青岛市", "370200"),
    _d("山东省", "青岛市", "市南区", "370202"),
    _p("江苏省", "320000"),
    _c("江苏省", "苏州市", "320500"),
    _d("江苏省", "苏州市", "姑苏区", "320508"),
    _c("江苏省", "无锡市", "320200"),
    _d("江苏省", "无锡市", "梁溪区", "320213"),
    _c("江苏省", "南京市", "320100"),
    _d("江苏省", "南京市", "玄武区", "320102"),
    _c("湖南省", "长沙市", "430100"),
    _d("湖南省", "长沙市", "岳麓区", "430104"),
    _d("湖南省", "长沙市", "芙蓉区", "430102"),
    _c("湖南省", "株洲市", "430200"),
    _p("四川省", "510000"),
    _c("四川省", "成都市", "510100"),
    _d("四川省", "成都市", "武侯区", "510107"),
    _d("四川省", "成都市", "锦江区", "510104"),
    _p("湖北省", "420000"),
    _c("湖北省", "武汉市", "420100"),
    _d("湖北省", "武汉市", "江岸区", "420102"),
    _d("湖北省", "武汉市", "武昌区", "420106"),
    _p("河南省", "410000"),
    _c("河南省", "郑州市", "410100"),
    _d("河南省", "郑州市", "金水区", "410105"),
    _p("陕西省", "610000"),
    _c("陕西省", "西安市", "610100"),
    _d("陕西省", "西安市", "雁塔区", "610113"),
    _d("陕西省", "西安市", "碑林区", "610103"),
    _p("吉林省", "220000"),
    _c("吉林省", "长春市", "220100"),
    _d("吉林省", "长春市", "朝阳区", "220104"),
    _p("安徽省", "340000"),
    _c("安徽省", "合肥市", "340100"),
    _d("安徽省", "合肥市", "蜀山区", "340104"),
    _p("江西省", "360000"),
    _c("江西省", "南昌市", "360100"),
    _d("江西省", "南昌市", "东湖区", "360102"),
    _p("广西壮族自治区", "450000"),
    _c("广西壮族自治区", "南宁市", "450100"),
    _d("广西壮族自治区", "南宁市", "青秀区", "450103"),
    _p("河北省", "130000"),
    _c("河北省", "石家庄市", "130100"),
    _d("河北省", "石家庄市", "长安区", "130102"),
    _p("辽宁省", "210000"),
    _c("辽宁省", "沈阳市", "210100"),
    _d("辽宁省", "沈阳市", "和平区", "210102"),
    _c("辽宁省", "大连市", "210200"),
    _p("云南省", "530000"),
    _c("云南省", "昆明市", "530100"),
    _d("云南省", "昆明市", "五华区", "530102"),
    _p("北京市", "110000"),
    _p("上海市", "310000"),
    _p("天津市", "120000"),
    _p("重庆市", "500000"),
)
