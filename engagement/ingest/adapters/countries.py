"""Country names for facility lists: ISO 3166-1 alpha-2 codes and common spellings to one English name.

Open Supply Hub writes codes (CN) in some lists and names (China, CHINA, Viet Nam) in
others; the dashboard groups sites by country, so each is stored under one name.
"""

from engagement.ingest.words import fold

# code name, one a line; the names are the short English names in common use
_CODES = """
AD Andorra
AE United Arab Emirates
AF Afghanistan
AG Antigua and Barbuda
AI Anguilla
AL Albania
AM Armenia
AO Angola
AQ Antarctica
AR Argentina
AS American Samoa
AT Austria
AU Australia
AW Aruba
AX Åland Islands
AZ Azerbaijan
BA Bosnia and Herzegovina
BB Barbados
BD Bangladesh
BE Belgium
BF Burkina Faso
BG Bulgaria
BH Bahrain
BI Burundi
BJ Benin
BL Saint Barthélemy
BM Bermuda
BN Brunei
BO Bolivia
BQ Caribbean Netherlands
BR Brazil
BS Bahamas
BT Bhutan
BV Bouvet Island
BW Botswana
BY Belarus
BZ Belize
CA Canada
CC Cocos (Keeling) Islands
CD Democratic Republic of the Congo
CF Central African Republic
CG Republic of the Congo
CH Switzerland
CI Côte d'Ivoire
CK Cook Islands
CL Chile
CM Cameroon
CN China
CO Colombia
CR Costa Rica
CU Cuba
CV Cabo Verde
CW Curaçao
CX Christmas Island
CY Cyprus
CZ Czechia
DE Germany
DJ Djibouti
DK Denmark
DM Dominica
DO Dominican Republic
DZ Algeria
EC Ecuador
EE Estonia
EG Egypt
EH Western Sahara
ER Eritrea
ES Spain
ET Ethiopia
FI Finland
FJ Fiji
FK Falkland Islands
FM Micronesia
FO Faroe Islands
FR France
GA Gabon
GB United Kingdom
GD Grenada
GE Georgia
GF French Guiana
GG Guernsey
GH Ghana
GI Gibraltar
GL Greenland
GM Gambia
GN Guinea
GP Guadeloupe
GQ Equatorial Guinea
GR Greece
GS South Georgia and the South Sandwich Islands
GT Guatemala
GU Guam
GW Guinea-Bissau
GY Guyana
HK Hong Kong
HM Heard Island and McDonald Islands
HN Honduras
HR Croatia
HT Haiti
HU Hungary
ID Indonesia
IE Ireland
IL Israel
IM Isle of Man
IN India
IO British Indian Ocean Territory
IQ Iraq
IR Iran
IS Iceland
IT Italy
JE Jersey
JM Jamaica
JO Jordan
JP Japan
KE Kenya
KG Kyrgyzstan
KH Cambodia
KI Kiribati
KM Comoros
KN Saint Kitts and Nevis
KP North Korea
KR South Korea
KW Kuwait
KY Cayman Islands
KZ Kazakhstan
LA Laos
LB Lebanon
LC Saint Lucia
LI Liechtenstein
LK Sri Lanka
LR Liberia
LS Lesotho
LT Lithuania
LU Luxembourg
LV Latvia
LY Libya
MA Morocco
MC Monaco
MD Moldova
ME Montenegro
MF Saint Martin
MG Madagascar
MH Marshall Islands
MK North Macedonia
ML Mali
MM Myanmar
MN Mongolia
MO Macao
MP Northern Mariana Islands
MQ Martinique
MR Mauritania
MS Montserrat
MT Malta
MU Mauritius
MV Maldives
MW Malawi
MX Mexico
MY Malaysia
MZ Mozambique
NA Namibia
NC New Caledonia
NE Niger
NF Norfolk Island
NG Nigeria
NI Nicaragua
NL Netherlands
NO Norway
NP Nepal
NR Nauru
NU Niue
NZ New Zealand
OM Oman
PA Panama
PE Peru
PF French Polynesia
PG Papua New Guinea
PH Philippines
PK Pakistan
PL Poland
PM Saint Pierre and Miquelon
PN Pitcairn Islands
PR Puerto Rico
PS Palestine
PT Portugal
PW Palau
PY Paraguay
QA Qatar
RE Réunion
RO Romania
RS Serbia
RU Russia
RW Rwanda
SA Saudi Arabia
SB Solomon Islands
SC Seychelles
SD Sudan
SE Sweden
SG Singapore
SH Saint Helena
SI Slovenia
SJ Svalbard and Jan Mayen
SK Slovakia
SL Sierra Leone
SM San Marino
SN Senegal
SO Somalia
SR Suriname
SS South Sudan
ST São Tomé and Príncipe
SV El Salvador
SX Sint Maarten
SY Syria
SZ Eswatini
TC Turks and Caicos Islands
TD Chad
TF French Southern Territories
TG Togo
TH Thailand
TJ Tajikistan
TK Tokelau
TL Timor-Leste
TM Turkmenistan
TN Tunisia
TO Tonga
TR Türkiye
TT Trinidad and Tobago
TV Tuvalu
TW Taiwan
TZ Tanzania
UA Ukraine
UG Uganda
UM United States Minor Outlying Islands
US United States
UY Uruguay
UZ Uzbekistan
VA Vatican City
VC Saint Vincent and the Grenadines
VE Venezuela
VG British Virgin Islands
VI United States Virgin Islands
VN Vietnam
VU Vanuatu
WF Wallis and Futuna
WS Samoa
XK Kosovo
YE Yemen
YT Mayotte
ZA South Africa
ZM Zambia
ZW Zimbabwe
"""
COUNTRY_BY_CODE = dict(line.split(" ", 1) for line in _CODES.strip().splitlines())

# Other spellings met in facility lists (Open Supply Hub, brand disclosures), and Dutch names.
_SPELLINGS = {
    "United States": ["USA", "United States of America", "Verenigde Staten"],
    "United Kingdom": ["UK", "Great Britain", "United Kingdom of Great Britain and Northern Ireland",
                       "Verenigd Koninkrijk"],
    "China": ["China Mainland", "Mainland China", "People's Republic of China"],
    "Vietnam": ["Viet Nam"],
    "South Korea": ["Korea", "Korea (Republic of)", "Korea, Republic of", "Republic of Korea",
                    "Korea, Republic of (South Korea)", "Zuid-Korea"],
    "Moldova": ["Moldova (Republic of)", "Republic of Moldova", "Moldavia"],
    "Türkiye": ["Turkey", "Turkije"],
    "Czechia": ["Czech Republic", "Tsjechië"],
    "Netherlands": ["The Netherlands", "Holland", "Nederland"],
    "Taiwan": ["Taiwan, Province of China", "Chinese Taipei"],
    "Hong Kong": ["Hong Kong SAR", "Hong Kong, China"],
    "Russia": ["Russian Federation"],
    "Iran": ["Iran (Islamic Republic of)"],
    "Laos": ["Lao People's Democratic Republic"],
    "Syria": ["Syrian Arab Republic"],
    "Tanzania": ["United Republic of Tanzania", "Tanzania, United Republic of"],
    "Bolivia": ["Bolivia (Plurinational State of)"],
    "Venezuela": ["Venezuela (Bolivarian Republic of)"],
    "Côte d'Ivoire": ["Ivory Coast"],
    "Eswatini": ["Swaziland"],
    "North Macedonia": ["Macedonia"],
    "Myanmar": ["Burma"],
    "Germany": ["Duitsland"],
    "Belgium": ["België"],
    "Spain": ["Spanje"],
    "Poland": ["Polen"],
    "France": ["Frankrijk"],
    "Italy": ["Italië"],
    "Sweden": ["Zweden"],
    "Hungary": ["Hongarije"],
}  # fmt: skip
_BY_FOLDED = {fold(name): name for name in COUNTRY_BY_CODE.values()}
for _name, _others in _SPELLINGS.items():
    for _other in _others:
        _BY_FOLDED[fold(_other)] = _name


def country_name(text: str) -> str:
    """The country's English name for an ISO-2 code or a known spelling ('CN', 'CHINA', 'Viet Nam'); else as written."""
    written = " ".join(str(text).split())
    if len(written) == 2 and written.upper() in COUNTRY_BY_CODE:
        return COUNTRY_BY_CODE[written.upper()]
    return _BY_FOLDED.get(fold(written), written)


def is_country_code(text: str) -> bool:
    """An ISO 3166-1 alpha-2 code ('CN', 'vn')."""
    written = str(text).strip()
    return len(written) == 2 and written.upper() in COUNTRY_BY_CODE
