"""Every SSDA903 rule: silent on the clean sample, and raised by the one change that breaks it.

The sample is for 2025-26 (1 April 2025 to 31 March 2026); see sample.py for the five children.
Each case names the edits and the (table, child) pairs the rule must flag, worked out by hand.
"""

import pytest

from sightline.returns.ssda903.rules import PACKS
from tests.returns.ssda903.helpers import add, copy_row, drop, edit, flagged, run
from tests.returns.ssda903.sample import YEAR, clean

H, E, R, M = "Header", "Episodes", "Reviews", "Missing"
PA, AD = "PlacedAdoption", "AD1"

CASES: dict[str, tuple[list, set[tuple[str, str]]]] = {
    # Header
    "101": ([edit(H, "C1", SEX="1")], {(H, "C1")}),  # 1/2 were replaced by M/F/U for 2024-25 onwards
    "232": ([edit(H, "C1", SEX="U")], {(H, "C1")}),
    "102": ([edit(H, "C4", DOB="31/02/2006")], {(H, "C4")}),
    "103": ([edit(H, "C1", ETHNIC="XXXX")], {(H, "C1")}),
    "165": ([edit(H, "C1", MOTHER="2")], {(H, "C1")}),
    "168": ([edit(H, "C1", UPN="12345")], {(H, "C1")}),
    "442": ([edit(H, "C1", UPN="")], {(H, "C1")}),
    "444": ([edit(H, "C4", UPN="A123456789012")], {(H, "C1"), (H, "C4")}),
    "171": ([edit(H, "C3", MC_DOB="2025-13-45")], {(H, "C3")}),
    "174": ([edit(H, "C3", SEX="M")], {(H, "C3")}),
    "301": ([edit(H, "C4", DOB="01/04/2026")], {(H, "C4")}),
    "351": ([edit(H, "C4", DOB="01/01/1999")], {(H, "C4")}),  # 26 on 1 April 2025
    "611": ([edit(H, "C3", MC_DOB="")], {(H, "C3")}),
    "612": ([edit(H, "C3", MOTHER="0")], {(H, "C3")}),
    "620": ([edit(H, "C3", DOB="10/01/2015")], {(H, "C3")}),  # 10 on 1 April 2025
    "621": ([edit(H, "C3", MC_DOB="01/01/2009")], {(H, "C3")}),
    # C3 leaves care on 1 April 2025; her child is born 5 May 2025.
    "625": ([edit(E, "C3", DEC="01/04/2025", REC="E4A")], {(H, "C3")}),
    # Episodes: single rows
    "141": ([edit(E, "C2", DECOM="")], {(E, "C2")}),
    "143": ([edit(E, "C2", RNE="X")], {(E, "C2")}),
    "144": ([edit(E, "C2", LS="Z9")], {(E, "C2")}),
    "145": ([edit(E, "C2", CIN="N9")], {(E, "C2")}),
    "146": ([edit(E, "C2", PLACE="H5")], {(E, "C2")}),  # H5 was withdrawn for 2024-25
    "147": ([edit(E, "C2", DEC="20/13/2025")], {(E, "C2")}),
    "148": ([edit(E, "C2", REC="")], {(E, "C2")}),
    "149": ([edit(E, "C2", REC="E99")], {(E, "C2")}),
    "178": ([edit(E, "C2", PLACE_PROVIDER="PR9")], {(E, "C2")}),
    "1009": ([edit(E, "C1", 1, REASON_PLACE_CHANGE="WHIM")], {(E, "C1")}),
    "1008": ([edit(E, "C1", 2, URN="ABC")], {(E, "C1")}),
    "353": ([edit(E, "C3", DECOM="01/01/1990")], {(E, "C3")}),
    "354": ([edit(E, "C3", DECOM="01/04/2026")], {(E, "C3")}),
    "385": ([edit(E, "C2", DEC="01/04/2026")], {(E, "C2")}),
    "355": ([edit(E, "C2", DEC="10/06/2025")], {(E, "C2")}),
    "356": ([edit(E, "C2", DEC="01/06/2025")], {(E, "C2")}),
    "446": ([edit(E, "C3", LS="E1", DECOM="01/01/2005")], {(E, "C3")}),
    "302": ([edit(E, "C3", DECOM="01/01/2008")], {(E, "C3")}),
    # C4 (born 20/08/2006) starts to be looked after on 1 September 2025, aged 19.
    "352": ([add(E, CHILD="C4", DECOM="01/09/2025", RNE="S", LS="V2", CIN="N4", PLACE="U6", PLACE_PROVIDER="PR1")],
            {(E, "C4")}),
    "358": ([edit(E, "C2", LS="J1")], {(E, "C2")}),
    "372": ([edit(E, "C2", PLACE="R5")], {(E, "C2")}),
    "373": ([edit(E, "C2", PLACE="S1")], {(E, "C2")}),
    "374": ([edit(E, "C1", 0, PLACE="R2")], {(E, "C1")}),  # C1 is 11 on 1 February 2024
    "387": ([edit(E, "C2", REC="E5")], {(E, "C2")}),
    "389": ([edit(E, "C2", REC="E7")], {(E, "C2")}),
    "460": ([edit(E, "C2", REC="E17")], {(E, "C2")}),
    "234": ([edit(E, "C2", REASON_PLACE_CHANGE="CUSTOD")], {(E, "C2")}),
    # C4 is adopted / on an SGO on 1 September 2024, aged 18 (born 20/08/2006).
    "386": ([add(E, CHILD="C4", DECOM="01/04/2024", RNE="S", LS="C2", CIN="N1", PLACE="U1", PLACE_PROVIDER="PR1",
                 DEC="01/09/2024", REC="E11")], {(E, "C4")}),
    "407": ([add(E, CHILD="C4", DECOM="01/04/2024", RNE="S", LS="C2", CIN="N1", PLACE="U1", PLACE_PROVIDER="PR1",
                 DEC="01/09/2024", REC="E45")], {(E, "C4")}),
    # C2's episode runs 10/06/2025 to 20/12/2025: 193 days, longer than any of these limits.
    "361": ([edit(E, "C2", LS="L1")], {(E, "C2")}),
    "362": ([edit(E, "C2", LS="L2")], {(E, "C2")}),
    "363": ([edit(E, "C2", LS="L3")], {(E, "C2")}),
    "365": ([edit(E, "C2", LS="V3")], {(E, "C2")}),
    "375": ([edit(E, "C2", PLACE="T1")], {(E, "C2")}),
    "376": ([edit(E, "C2", PLACE="T3")], {(E, "C2")}),
    "379": ([edit(E, "C2", PLACE="T4")], {(E, "C2")}),
    "378": ([edit(E, "C2", PLACE="P1")], {(E, "C2")}),
    "382": ([edit(E, "C2", LS="V3", PLACE="T0")], {(E, "C2")}),
    "384": ([edit(E, "C2", LS="V4", PLACE="U1")], {(E, "C2")}),
    "366": ([edit(E, "C1", 1, LS="V3")], {(E, "C1")}),
    "217": ([edit(E, "C5", 1, RNE="P")], {(E, "C5")}),
    "380": ([edit(E, "C2", PLACE="T2")], {(E, "C2")}),
    "381": ([edit(E, "C2", PLACE="T2")], {(E, "C2")}),
    "213": ([edit(E, "C2", PLACE="T0")], {(E, "C2")}),
    "526": ([edit(E, "C2", PLACE_PROVIDER="")], {(E, "C2")}),
    "527": ([edit(E, "C2", PLACE="P1")], {(E, "C2")}),
    "528": ([edit(E, "C2", PLACE="P1", PLACE_PROVIDER="PR2")], {(E, "C2")}),
    "529": ([edit(E, "C2", PLACE_PROVIDER="PR3")], {(E, "C2")}),
    "530": ([edit(E, "C2", PLACE="P1", PLACE_PROVIDER="PR4")], {(E, "C2")}),
    "531": ([edit(E, "C2", PLACE="P1", PLACE_PROVIDER="PR5")], {(E, "C2")}),
    "550": ([edit(E, "C2", PLACE_PROVIDER="PR0")], {(E, "C2")}),
    "222": ([edit(E, "C2", PLACE="R1", URN="SC111111")], {(E, "C2")}),
    "218": ([edit(E, "C1", 2, PLACE_PROVIDER="PR1", URN="")], {(E, "C1")}),
    "226": ([edit(E, "C2", PLACE="T1", REASON_PLACE_CHANGE="CARPL")], {(E, "C2")}),
    "233": ([edit(E, "C3", REASON_PLACE_CHANGE="CARPL")], {(E, "C3")}),
    "392c": ([edit(E, "C2", HOME_POST="NOT A POSTCODE")], {(E, "C2")}),
    "392d": ([edit(E, "C2", PL_POST="DN2 3CD")], {(E, "C2")}),
    # Episodes: sequence
    "142": ([edit(E, "C1", 1, DEC="", REC="")], {(E, "C1")}),
    "501": ([edit(E, "C1", 2, DECOM="15/08/2025")], {(E, "C1")}),
    "357": ([edit(E, "C2", RNE="P")], {(E, "C2")}),
    "388": ([edit(E, "C2", REC="X1")], {(E, "C2")}),
    "437": ([edit(E, "C1", 0, REC="E2")], {(E, "C1")}),
    "431": ([edit(E, "C1", 2, RNE="S")], {(E, "C1")}),
    "432": ([edit(E, "C1", 1, REC="E4A")], {(E, "C1")}),
    "433": ([edit(E, "C1", 2, DECOM="05/09/2025")], {(E, "C1")}),
    "434": ([edit(E, "C1", 1, LS="C1")], {(E, "C1")}),
    "435": ([edit(E, "C1", 2, LS="C1")], {(E, "C1")}),
    "436": ([edit(E, "C5", 1, PLACE="U4", PL_POST="DN8 4DD")], {(E, "C5")}),
    "504": ([edit(E, "C1", 2, CIN="N2")], {(E, "C1")}),
    "225": ([edit(E, "C1", 1, REASON_PLACE_CHANGE="")], {(E, "C1")}),
    "399": ([edit(E, "C2", LS="V3")], {(E, "C2")}),
    # Reviews
    "166": ([edit(R, "C1", REVIEW="")], {(R, "C1")}),
    "167": ([edit(R, "C1", REVIEW_CODE="PN9")], {(R, "C1")}),
    "440": ([edit(R, "C1", REVIEW_CODE="PN0")], {(R, "C1")}),
    "441": ([edit(R, "C2", REVIEW_CODE="PN1")], {(R, "C2")}),
    # Missing
    "1004": ([edit(M, "C1", MIS_START="02/10/25x")], {(M, "C1")}),
    "1005": ([edit(M, "C1", MIS_END="yesterday")], {(M, "C1")}),
    "1006": ([edit(M, "C1", MISSING="X")], {(M, "C1")}),
    "564": ([edit(M, "C1", MIS_START="")], {(M, "C1")}),
    "565": ([edit(M, "C1", MISSING="")], {(M, "C1")}),
    "566": ([edit(M, "C1", MISSING="")], {(M, "C1")}),
    "567": ([edit(M, "C1", MIS_END="01/10/2025")], {(M, "C1")}),
    "570": ([edit(M, "C3", MIS_START="01/04/2026")], {(M, "C3")}),
    "571": ([edit(M, "C1", MIS_END="01/04/2026")], {(M, "C1")}),
    "574": ([edit(M, "C1", 0, MIS_END="")], {(M, "C1")}),
    "586": ([edit(M, "C1", MIS_START="01/01/2012", MIS_END="02/01/2012")], {(M, "C1")}),
    # C2 is looked after from 10/06/2025 to 20/12/2025.
    "581": ([add(M, CHILD="C2", DOB="02/03/2023", MISSING="M", MIS_START="01/05/2025", MIS_END="02/05/2025")],
            {(M, "C2")}),
    "578": ([add(M, CHILD="C2", DOB="02/03/2023", MISSING="M", MIS_START="01/01/2026", MIS_END="02/01/2026")],
            {(M, "C2")}),
    "575": ([add(M, CHILD="C2", DOB="02/03/2023", MISSING="M", MIS_START="01/07/2025")], {(M, "C2")}),
    "577": ([add(M, CHILD="C2", DOB="02/03/2023", MISSING="M", MIS_START="01/07/2025")], {(M, "C2")}),
    "580": ([add(M, CHILD="C2", DOB="02/03/2023", MISSING="M", MIS_START="10/12/2025")], {(E, "C2")}),
    # Integrity with the Header
    "INT21": ([edit("UASC", "C3", SEX="M")], {("UASC", "C3")}),
    # Care leavers, UASC
    "131": ([edit("OC3", "C4", IN_TOUCH="MAYBE")], {("OC3", "C4")}),
    "132": ([edit("OC3", "C4", ACTIV="Z9")], {("OC3", "C4")}),
    "153": ([edit("OC3", "C4", ACCOM="")], {("OC3", "C4")}),
    "344": ([edit("OC3", "C4", IN_TOUCH="DIED")], {("OC3", "C4")}),
    "345": ([edit("OC3", "C4", ACTIV="0")], {("OC3", "C4")}),
    "391": ([edit("OC3", "C4", DOB="20/08/2010"), edit(H, "C4", DOB="20/08/2010")], {("OC3", "C4")}),  # 15 at end
    "104": ([edit("UASC", "C3", DUC="soon")], {("UASC", "C3")}),
    "304": ([edit("UASC", "C3", DUC="11/01/2027")], {("UASC", "C3")}),  # 18th birthday 10/01/2027
    # Adoption
    "112": ([edit("AD1", "C5", DATE_INT="")], {("AD1", "C5")}),
    "113": ([edit("AD1", "C5", DATE_MATCH="x")], {("AD1", "C5")}),
    "114": ([edit("AD1", "C5", FOSTER_CARE="2")], {("AD1", "C5")}),
    "175": ([edit("AD1", "C5", NB_ADOPTR="3")], {("AD1", "C5")}),
    "176": ([edit("AD1", "C5", SEX_ADOPTR="XX")], {("AD1", "C5")}),
    "177": ([edit("AD1", "C5", LS_ADOPTR="L9")], {("AD1", "C5")}),
    "333": ([edit("AD1", "C5", DATE_INT="01/07/2025")], {("AD1", "C5")}),
    "511": ([edit("AD1", "C5", SEX_ADOPTR="M1")], {("AD1", "C5")}),
    "514": ([edit("AD1", "C5", LS_ADOPTR="L0")], {("AD1", "C5")}),
    "517": ([edit("AD1", "C5", LS_ADOPTR="L3", SEX_ADOPTR="MM")], {("AD1", "C5")}),
    "518": ([edit("AD1", "C5", LS_ADOPTR="L4")], {("AD1", "C5")}),
    "519": ([edit("AD1", "C5", LS_ADOPTR="L2", SEX_ADOPTR="M1", NB_ADOPTR="1")], {("AD1", "C5")}),
    "520": ([edit("AD1", "C5", SEX_ADOPTR="FF")], {("AD1", "C5")}),
    "524": ([edit("AD1", "C5", LS_ADOPTR="L12")], {("AD1", "C5")}),
    "115": ([edit("PlacedAdoption", "C5", DATE_PLACED="")], {("PlacedAdoption", "C5")}),
    "116": ([edit("PlacedAdoption", "C5", DATE_PLACED_CEASED="bad", REASON_PLACED_CEASED="RD1")],
            {("PlacedAdoption", "C5")}),
    "119": ([edit("PlacedAdoption", "C5", DATE_PLACED_CEASED="01/12/2025")], {("PlacedAdoption", "C5")}),
    "120": ([edit("PlacedAdoption", "C5", REASON_PLACED_CEASED="RD9")], {("PlacedAdoption", "C5")}),
    "184": ([edit("PlacedAdoption", "C5", DATE_PLACED="01/01/2021")], {("PlacedAdoption", "C5")}),
    "522": ([edit("PlacedAdoption", "C5", DATE_PLACED_CEASED="01/03/2025", REASON_PLACED_CEASED="RD1")],
            {("PlacedAdoption", "C5")}),
    # Previous permanence, OC2
    "631": ([edit("PrevPerm", "C1", PREV_PERM="P9")], {("PrevPerm", "C1")}),
    "635": ([edit("PrevPerm", "C1", DATE_PERM="01/01/2020")], {("PrevPerm", "C1")}),
    "180": ([edit("OC2", "C1", SDQ_SCORE="41")], {("OC2", "C1")}),
    "196": ([edit("OC2", "C1", SDQ_REASON="SDQ9")], {("OC2", "C1")}),
    "197a": ([edit("OC2", "C1", SDQ_REASON="SDQ1")], {("OC2", "C1")}),
    "181": ([edit("OC2", "C1", HEALTH_CHECK="Y")], {("OC2", "C1")}),
    "192": ([edit("OC2", "C1", SUBSTANCE_MISUSE="1")], {("OC2", "C1")}),
    "193": ([edit("OC2", "C1", INTERVENTION_OFFERED="1")], {("OC2", "C1")}),
    "158": ([edit("OC2", "C1", SUBSTANCE_MISUSE="1", INTERVENTION_RECEIVED="1", INTERVENTION_OFFERED="1")],
            {("OC2", "C1")}),
    "159": ([edit("OC2", "C1", SUBSTANCE_MISUSE="1", INTERVENTION_RECEIVED="0")], {("OC2", "C1")}),
    # Adoption against the episodes. C5 is looked after from 01/03/2024, placed for adoption (A5) under a
    # placement order (E1) on 01/07/2025 and adopted (E11) on 15/02/2026; the decision is dated 10/04/2025.
    "117": ([edit(PA, "C5", DATE_PLACED_CEASED="20/02/2026", REASON_PLACED_CEASED="RD1")], {(PA, "C5")}),
    "118": ([edit(PA, "C5", DATE_PLACED_CEASED="01/03/2025", REASON_PLACED_CEASED="RD1")], {(PA, "C5")}),
    "1003": ([edit(PA, "C5", DATE_PLACED="01/02/2024")], {(PA, "C5")}),
    "552": ([edit(PA, "C5", DATE_PLACED="05/07/2025")], {(PA, "C5")}),
    "554": ([edit(PA, "C5", DATE_PLACED="05/07/2025")], {(PA, "C5")}),
    "525": ([edit(PA, "C5", DATE_PLACED_CEASED="01/12/2025", REASON_PLACED_CEASED="RD1")], {(PA, "C5")}),
    "557": ([edit(E, "C5", 1, REC="E4A")], {(PA, "C5")}),
    "558": ([edit(PA, "C5", DATE_PLACED_CEASED="01/12/2025", REASON_PLACED_CEASED="RD1")], {(PA, "C5")}),
    "563": ([edit(PA, "C5", DATE_PLACED="", DATE_PLACED_CEASED="01/12/2025", REASON_PLACED_CEASED="RD1")],
            {(PA, "C5")}),
    "579": ([edit(PA, "C5", DATE_PLACED_CEASED="01/08/2025", REASON_PLACED_CEASED="RD1"),
             add(PA, CHILD="C5", DOB="01/05/2021", DATE_PLACED="01/06/2025")], {(PA, "C5")}),
    "583": ([add(PA, CHILD="C5", DOB="01/05/2021", DATE_PLACED="01/06/2025")], {(PA, "C5")}),
    "551": ([edit(E, "C3", PLACE="A4")], {(E, "C3")}),
    "553": ([edit(E, "C3", LS="E1")], {(E, "C3")}),
    "408": ([edit(E, "C5", 1, LS="C2")], {(E, "C5")}),
    "390": ([edit(E, "C2", REC="E11")], {(E, "C2")}),
    "601": ([drop(AD)], {(E, "C5")}),
    "602": ([edit(E, "C5", 1, REC="E4A")], {(AD, "C5")}),
    "331": ([edit(AD, "C5", DATE_MATCH="05/07/2025")], {(AD, "C5")}),
    "521": ([edit(AD, "C5", DATE_INT="05/07/2025")], {(AD, "C5")}),
    "334": ([edit(AD, "C5", DATE_INT="01/02/2024")], {(AD, "C5")}),
    "523": ([edit(AD, "C5", DATE_INT="11/04/2025")], {(AD, "C5")}),
    "151": ([edit(AD, "C5", NB_ADOPTR="")], {(AD, "C5")}),
    "134": ([copy_row(AD, "C5", "C4")], {("OC3", "C4")}),
    # OC2: C1 (13 at 31 March 2026) has been looked after since 01/02/2024, so for 12 months at 31 March.
    "185": ([edit(E, "C1", 0, DECOM="01/05/2025")], {("OC2", "C1")}),
    "198": ([edit(E, "C1", 0, DECOM="01/05/2025"), edit("OC2", "C1", SDQ_SCORE="", SDQ_REASON="SDQ1")],
            {("OC2", "C1")}),
    "190": ([edit(E, "C1", 0, DECOM="01/05/2025")], {("OC2", "C1")}),
    "191": ([edit("OC2", "C1", TEETH_CHECK="")], {("OC2", "C1")}),
    "182": ([edit("OC2", "C1", TEETH_CHECK="")], {("OC2", "C1")}),
    "188": ([edit("OC2", "C1", DOB="01/06/2022")], {("OC2", "C1")}),   # 3 at 31 March 2026
    "189": ([edit("OC2", "C1", DOB="01/01/2008")], {("OC2", "C1")}),   # 17 on 1 April 2025
    "542": ([edit("OC2", "C1", DOB="01/06/2017")], {("OC2", "C1")}),   # 8 at 31 March 2026
    "543": ([edit("OC2", "C1", CONVICTED="")], {("OC2", "C1")}),
    "544": ([edit("OC2", "C1", TEETH_CHECK="")], {("OC2", "C1")}),
    "545": ([edit("OC2", "C1", DOB="01/06/2022")], {("OC2", "C1")}),
    "546": ([edit("OC2", "C1", HEALTH_CHECK="1")], {("OC2", "C1")}),
    "547": ([edit("OC2", "C1", HEALTH_CHECK="1", TEETH_CHECK="")], {("OC2", "C1")}),
    # OC3: C4 is a care leaver with no episodes this year.
    "347": ([edit("OC3", "C4", ACCOM="T1", DOB="01/06/2008")], {("OC3", "C4")}),   # 17 at 31 March 2026
    "3001": ([edit("OC3", "C4", ACCOM="Z1", DOB="01/06/2008")], {("OC3", "C4")}),
    "1011": ([add(E, CHILD="C4", DECOM="01/04/2024", RNE="S", LS="V2", CIN="N4", PLACE="U6", PLACE_PROVIDER="PR1",
                  DEC="01/05/2025", REC="E3")], {("OC3", "C4")}),
    # Born 20/08/2007, C4 turns 18 on 20/08/2025 while still looked after.
    "1007": ([edit("OC3", "C4", DOB="20/08/2007"), edit(H, "C4", DOB="20/08/2007"),
              add(E, CHILD="C4", DECOM="01/04/2024", RNE="S", LS="V2", CIN="N4", PLACE="U6", PLACE_PROVIDER="PR1",
                  DEC="01/10/2025", REC="E8")], {("OC3", "C4")}),
    "628": ([edit(H, "C4", MOTHER="0")], {(H, "C4")}),
    "630": ([drop("PrevPerm", "C2")], {(E, "C2")}),
    "634": ([edit(E, "C1", 0, DECOM="01/02/2015")], {("PrevPerm", "C1")}),
    "210": ([edit(H, "C1", UPN="UN4")], {(H, "C1")}),
    "426": ([edit(E, "C1", 0, LS="V3"), edit(E, "C1", 1, LS="V4")], {(E, "C1")}),
    "516": ([edit(E, "C2", PLACE="K1", REC="E45")], {(E, "C2")}),
    "383": ([edit(E, "C1", 1, PLACE="T0")], {(E, "C1")}),   # between foster care (U3) and a home (K2)
    "157": ([edit("OC2", "C1", SDQ_SCORE="", SDQ_REASON="SDQ1")], {("OC2", "C1")}),   # C1 is 12, then 13
    "186": ([edit("OC2", "C1", SDQ_SCORE="")], {("OC2", "C1")}),
    "215": ([copy_row("OC2", "C1", "C4")], {("OC2", "C4")}),
    "EPI": ([add(H, CHILD="C6", SEX="F", DOB="01/01/2015", ETHNIC="WBRI", UPN="UN2")], {(H, "C6")}),
    "377": ([add(E, CHILD="C4", DECOM=f"01/0{m}/2025", RNE="S", LS="V2", CIN="N4", PLACE="T3", DEC=f"05/0{m}/2025",
                 REC="E8") for m in (5, 6, 7)], {(E, "C4")}),
    "367": ([edit(E, "C2", LS="V3")], {(E, "C2")}),   # 10/06/2025 to 20/12/2025: 193 days
    "582": ([edit(AD, "C5", DATE_MATCH="15/02/2026")], {(E, "C5")}),
    "335": ([edit(AD, "C5", FOSTER_CARE="0")], {(AD, "C5")}),   # C5 is placed with her foster carers (A5)
}

# The integrity rules, one per child-level table: a child the Header lacks (C9), a date of birth
# that differs from the Header's, and a child listed twice.
_FIRST_CHILD = {"AD1": "C5", "PlacedAdoption": "C5", "Episodes": "C2", "Missing": "C1", "OC2": "C1", "OC3": "C4",
                "PrevPerm": "C1", "Reviews": "C1", "UASC": "C3", "Header": "C1"}
for _code, _table in {"INT01": "AD1", "INT02": "PlacedAdoption", "INT03": "Episodes", "INT04": "Missing",
                      "INT05": "OC2", "INT06": "OC3", "INT07": "PrevPerm", "INT08": "Reviews",
                      "INT09": "UASC"}.items():
    CASES[_code] = ([copy_row(_table, _FIRST_CHILD[_table], "C9")], {(_table, "C9")})
for _code, _table in {"INT11": "AD1", "INT12": "PlacedAdoption", "INT13": "Missing", "INT14": "OC2", "INT15": "OC3",
                      "INT16": "PrevPerm", "INT17": "Reviews", "INT18": "UASC"}.items():
    CASES[_code] = ([edit(_table, _FIRST_CHILD[_table], DOB="01/01/2000")], {(_table, _FIRST_CHILD[_table])})
for _code, _table in {"INT31": "AD1", "INT32": "Header", "INT33": "OC2", "INT34": "OC3", "INT35": "PrevPerm",
                      "INT36": "UASC"}.items():
    CASES[_code] = ([copy_row(_table, _FIRST_CHILD[_table])], {(_table, _FIRST_CHILD[_table])})

ALL_CODES = sorted(r.code for r in PACKS[YEAR])


@pytest.fixture(scope="module")
def clean_report(tmp_path_factory):
    return run(clean(), tmp_path_factory.mktemp("clean"))


def test_every_rule_in_the_pack_has_a_failing_case():
    assert sorted(CASES) == ALL_CODES


def test_clean_sample_is_read_without_problems_and_every_rule_runs(clean_report):
    assert clean_report.issues.filter(clean_report.issues["rule"] == "read").height == 0
    assert clean_report.not_run == {}


@pytest.mark.parametrize("code", ALL_CODES)
def test_rule_is_silent_on_the_clean_sample(code, clean_report):
    assert flagged(clean_report, code) == set()


@pytest.mark.parametrize("code", ALL_CODES)
def test_rule_flags_the_row_that_breaks_it(code, tmp_path):
    edits, expected = CASES[code]
    tables = clean()
    for apply in edits:
        apply(tables)
    assert flagged(run(tables, tmp_path, [code]), code) == expected
