namespace Freight.Sandbox.Dataset;

/// <summary>A display name and the plain ASCII form used to build emails and domains.</summary>
internal readonly record struct PoolName(string Display, string Ascii);

/// <summary>Name pools per script. "Accented" includes a decomposed é (e + U+0301) on purpose.</summary>
internal static class NamePools
{
    public static readonly PoolName[] LatinFirst = Pool(
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Susan", "Richard", "Jessica", "Thomas", "Sarah", "Daniel", "Karen", "Matthew", "Emily");
    public static readonly PoolName[] LatinLast = Pool(
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
        "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker");

    public static readonly PoolName[] AccentedFirst =
    [
        new("José", "jose"), new("Zoë", "zoe"), new("Łukasz", "lukasz"), new("Søren", "soren"),
        new("François", "francois"), new("Björn", "bjorn"), new("Ángela", "angela"), new("Çağla", "cagla"),
        new("Re\u0301mi", "remi"), new("Thị", "thi"),
    ];
    public static readonly PoolName[] AccentedLast =
    [
        new("García", "garcia"), new("Müller", "muller"), new("Nguyễn", "nguyen"), new("Dvořák", "dvorak"),
        new("Ó Súilleabháin", "osuilleabhain"), new("Ferreira-Gonçalves", "ferreiragoncalves"), new("Øvergård", "overgard"),
        new("Sánchez", "sanchez"),
    ];
    public static readonly PoolName[] CjkFirst =
    [
        new("伟", "wei"), new("秀英", "xiuying"), new("翔太", "shota"), new("さくら", "sakura"), new("지민", "jimin"), new("芳", "fang"),
    ];
    public static readonly PoolName[] CjkLast =
    [
        new("王", "wang"), new("李", "li"), new("佐藤", "sato"), new("김", "kim"), new("陈", "chen"), new("高橋", "takahashi"),
    ];
    public static readonly PoolName[] RtlFirst =
    [
        new("محمد", "mohammed"), new("فاطمة", "fatima"), new("נועה", "noa"), new("יוסף", "yosef"), new("علي", "ali"),
    ];
    public static readonly PoolName[] RtlLast =
    [
        new("الحسن", "alhassan"), new("כהן", "cohen"), new("عبدالله", "abdullah"), new("לוי", "levi"),
    ];
    // Emoji include a ZWJ sequence and a flag (several code points, one glyph).
    public static readonly PoolName[] EmojiFirst =
    [
        new("Alex 🚀", "alex"), new("Sam 🌈", "sam"), new("Priya ✨", "priya"), new("Max 👨‍💻", "max"), new("Lena 🇩🇪", "lena"),
    ];

    public static readonly string[] CompanyPrefixes =
    [
        "Acme", "Northwind", "Blue Harbor", "Granite", "Lumen", "Vertex", "Orchid", "Summit", "Pioneer", "Redwood",
        "Atlas", "Beacon", "Cobalt", "Helix", "Juniper", "Keystone", "Meridian", "Nimbus", "Quartz", "Silverline",
    ];
    public static readonly string[] CompanySuffixes =
    [
        "Labs", "Capital", "Systems", "Partners", "Robotics", "Health", "Analytics", "Ventures", "Logistics",
        "Software", "Inc.", "Group", "& Co.", "GmbH", "Ltd",
    ];
    public static readonly PoolName[] AccentedCompanies =
    [
        new("Müller & Söhne GmbH", "muller-sohne"), new("Café Olé", "cafe-ole"), new("Łódź Logística", "lodz-logistica"),
        new("Škoda Přesné Stroje", "skoda-stroje"), new("Crème Brûlée Ventures", "creme-brulee"),
        new("Ångström Labs", "angstrom-labs"), new("São Paulo Investimentos", "saopaulo-invest"),
        new("Ce\u0301sar Consulting", "cesar-consulting"),
    ];
    public static readonly PoolName[] CjkCompanies =
    [
        new("北京星辰科技有限公司", "xingchen"), new("株式会社山田製作所", "yamada"), new("한빛 소프트", "hanbit"),
        new("東京データ株式会社", "tokyo-data"), new("深圳未来机器人", "weilai-robotics"),
    ];
    public static readonly PoolName[] RtlCompanies =
    [
        new("شركة النور للتقنية", "alnoor"), new("אלפא טכנולוגיות בע\"מ", "alfa-tech"), new("مجموعة الفجر", "alfajr"),
        new("חברת גשר", "gesher"),
    ];
    public static readonly PoolName[] EmojiCompanies =
    [
        new("Rocket 🚀 Labs", "rocket-labs"), new("Café ☕ Collective", "cafe-collective"), new("🦄 Unicorn Ventures", "unicorn"),
        new("Green 🌱 Energy", "green-energy"), new("Pixel 👾 Studio", "pixel-studio"),
    ];

    public static readonly string[] TopLevelDomains = ["com", "io", "co", "de", "fr", "co.uk", "jp", "ai"];
    public static readonly string[] FreemailDomains = ["gmail.com", "outlook.com", "proton.me", "yahoo.co.jp", "web.de"];

    public static readonly Location[] Locations =
    [
        new("1 Market St", "San Francisco", "California", "United States", "North America"),
        new(null, "São Paulo", "São Paulo", "Brazil", "South America"),
        new("Bahnhofstrasse 10", "Zürich", "Zürich", "Switzerland", "Europe"),
        new(null, "東京", null, "Japan", "Asia"),
        new(null, "القاهرة", null, "Egypt", "Africa"),
        new("12 Rue de Rivoli", "Paris", "Île-de-France", "France", "Europe"),
        new(null, "Berlin", null, "Germany", "Europe"),
        new(null, null, null, "Australia", "Oceania"),
    ];

    public static readonly string[] JobTitles =
    [
        "CEO", "CTO", "Founder & CEO", "VP Engineering", "Head of Sales", "Partner", "Analyst", "Directeur général",
        "Product Manager", "最高技術責任者",
    ];

    public static (PoolName First, PoolName Last) PersonName(ref Rng rng, NameScript script) => script switch
    {
        NameScript.Accented => (rng.Pick(AccentedFirst), rng.Pick(AccentedLast)),
        NameScript.Cjk => (rng.Pick(CjkFirst), rng.Pick(CjkLast)),
        NameScript.Rtl => (rng.Pick(RtlFirst), rng.Pick(RtlLast)),
        NameScript.Emoji => (rng.Pick(EmojiFirst), rng.Pick(LatinLast)),
        _ => (rng.Pick(LatinFirst), rng.Pick(LatinLast)),
    };

    public static PoolName CompanyName(ref Rng rng, NameScript script)
    {
        switch (script)
        {
            case NameScript.Accented: return rng.Pick(AccentedCompanies);
            case NameScript.Cjk: return rng.Pick(CjkCompanies);
            case NameScript.Rtl: return rng.Pick(RtlCompanies);
            case NameScript.Emoji: return rng.Pick(EmojiCompanies);
            default:
                var prefix = rng.Pick(CompanyPrefixes);
                var suffix = rng.Pick(CompanySuffixes);
                return new($"{prefix} {suffix}", prefix.ToLowerInvariant().Replace(' ', '-'));
        }
    }

    private static PoolName[] Pool(params string[] names) =>
        [.. names.Select(name => new PoolName(name, name.ToLowerInvariant()))];
}
