"""Why: the reasons behind each move, each vacancy and each due person who stays, and training needs.

Builds plain DataFrames (columns in Bahasa Indonesia, as the workbook shows them); rendering is
:mod:`mutasi_cli.report`'s job.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from mutasi_cli import grades, messages
from mutasi_cli.candidates import eligibility_profiles
from mutasi_cli.data import TETAP, Round
from mutasi_cli.planner import PlanResult
from mutasi_cli.rules import (
    ALWAYS_HOLD,
    JPT_PROTECTION,
    JPT_PROTECTION_YEARS,
    KUNCI_OVERRIDES,
    NO_LOCK,
    RULES,
    eligible_mask,
    pair_failures,
)
from mutasi_cli.values import add_years, norm_key
from mutasi_cli.verify import UNPLACED

MOVE_COLUMNS = [
    "No", "NIP", "Nama", "Pangkat/Gol. Ruang", "Jabatan Lama", "Kode Jabatan Lama", "Unit Kerja Lama",
    "Jabatan Baru", "Kode Jabatan Baru", "Unit Kerja Baru", "Keterangan", "Catatan Internal",
]  # fmt: skip
VACANCY_COLUMNS = [
    "No", "Kode Jabatan", "Nama Jabatan", "Unit Kerja", "Jenis Jabatan", "Prioritas", "Formasi", "Terisi",
    "Lowong", "Jalur Pengisian", "Alasan", "Dasar Hukum",
]  # fmt: skip
STAY_COLUMNS = [
    "No", "NIP", "Nama", "Pangkat/Gol. Ruang", "Jabatan", "Kode Jabatan", "Unit Kerja", "Lama Menjabat (tahun)",
    "Alasan", "Dasar Hukum",
]  # fmt: skip
TRAINING_COLUMNS = [
    "No", "NIP", "Nama", "Jabatan Baru", "Kode Jabatan Baru", "Unit Kerja Baru", "Diklat yang Dibutuhkan",
    "Keterangan",
]  # fmt: skip


def _rank_order(rnd: Round, idx: np.ndarray) -> np.ndarray:
    """Sort key: PNS by golongan descending, then PPPK by grade descending, then name."""
    people = rnd.people.iloc[idx]
    pppk_rank = people["golongan"].map(
        lambda g: grades.PPPK_GRADES.index(g) + 1 if g in grades.PPPK_GRADES else 0
    )
    return np.where(people["pppk"], pppk_rank, 100 + people["grade"]).astype(int)


def moves(rnd: Round, result: PlanResult) -> pd.DataFrame:
    people, positions = rnd.people, rnd.positions
    cur = people["pos"].to_numpy()
    final = result.final
    st = result.person_status
    idx = np.flatnonzero(result.moved)
    if not len(idx):
        return pd.DataFrame(columns=MOVE_COLUMNS)
    unit = positions["unit"].to_numpy()
    occupancy_before = np.bincount(cur, minlength=len(positions))
    rows = []
    for e in idx:
        p, c = final[e], cur[e]
        reasons = []
        internal = []  # CONTRACT.md: the rules a Kunci breaks go to Catatan Internal, never to a decree
        if st.kunci_pos[e] >= 0:
            reasons.append(messages.REASON_KUNCI)
            broken = [RULES[r].describe(rnd.rules) for r in kunci_breaks(rnd, result, e)]
            if positions.at[c, "jenis"] == "JPT Pratama" and add_years(
                people.at[e, "tmt"], JPT_PROTECTION_YEARS
            ) > rnd.effective_date:
                broken.append(f"{JPT_PROTECTION.text} ({JPT_PROTECTION.source})")
            if broken:
                internal.append(messages.REASON_KUNCI_BREAKS.format(rules="; ".join(broken)))
        if st.dihapus[e]:
            reasons.append(messages.REASON_DIHAPUS)
        if st.due[e]:
            reasons.append(
                messages.REASON_DUE.format(years=int(st.tenure_years[e]), due=rnd.rules.masa_jatuh_tempo)
            )
        if positions.at[p, "prioritas"] == 1 and occupancy_before[p] < positions.at[p, "formasi"]:
            reasons.append(messages.REASON_PRIORITY1)
        elif occupancy_before[p] < positions.at[p, "formasi"]:
            reasons.append(messages.REASON_FILL)
        wishes = people.at[e, "wishes"]
        if wishes and (norm_key(unit[p]) in wishes or norm_key(positions.at[p, "kode"]) in wishes):
            reasons.append(messages.REASON_WISH)
        if not reasons:
            reasons.append(messages.REASON_FIT)
        rows.append(
            {
                "NIP": people.at[e, "nip"],
                "Nama": people.at[e, "nama"],
                "Pangkat/Gol. Ruang": grades.golongan_label(people.at[e, "golongan"]),
                "Jabatan Lama": positions.at[c, "nama"],
                "Kode Jabatan Lama": positions.at[c, "kode"],
                "Unit Kerja Lama": unit[c],
                "Jabatan Baru": positions.at[p, "nama"],
                "Kode Jabatan Baru": positions.at[p, "kode"],
                "Unit Kerja Baru": unit[p],
                "Keterangan": "; ".join(reasons),
                "Catatan Internal": "; ".join(internal),
                "_rank": 0,
            }
        )
    df = pd.DataFrame(rows)
    df["_rank"] = _rank_order(rnd, idx)
    df = df.sort_values(["Unit Kerja Baru", "_rank", "Nama"], ascending=[True, False, True], kind="stable")
    df.insert(0, "No", range(1, len(df) + 1))
    return df[MOVE_COLUMNS].reset_index(drop=True)


def kunci_breaks(rnd: Round, result: PlanResult, e: int | np.integer) -> list[str]:
    """The codes of the rules a Kunci move of person e breaks (rules 1–5 and 7; CONTRACT.md: listed in
    the workbook)."""
    p = int(result.final[e])
    fails = pair_failures(rnd, np.array([e]), np.array([p]))
    codes = [r for r, f in fails.items() if f[0]] + result.person_status.reasons(e)
    return [c for c in codes if c in KUNCI_OVERRIDES]


def vacancy_route(rnd: Round, p: int, qualified: int) -> tuple[str, str, str] | None:
    """(route, reason, source) for an empty place that rotation cannot fill: a JPT post (open selection),
    an Administrator/Pengawas post nobody of that level qualifies for (promotion), a JF post nobody of
    that JF and jenjang qualifies for (appointment or transfer into the JF); None otherwise."""
    pos = rnd.positions
    jenis = pos.at[p, "jenis"]
    if jenis == "JPT Pratama":
        return messages.VACANCY_JPT
    if qualified:
        return None
    if jenis in ("Administrator", "Pengawas"):
        route, text, source = messages.VACANCY_PROMOTION
        return route, text.format(jenis=jenis.lower()), source
    if jenis == "Fungsional":
        route, text, source = messages.VACANCY_JF
        jf = str(pos.at[p, "jf_nama"] or pos.at[p, "nama"])
        return route, text.format(jf=jf, jenjang=pos.at[p, "jenjang"] or "-"), source
    return None


def vacancies(rnd: Round, result: PlanResult) -> pd.DataFrame:
    positions = rnd.positions
    final = result.final
    formasi = positions["formasi"].to_numpy()
    occupancy = np.bincount(final[final != UNPLACED], minlength=len(positions))
    empty = np.flatnonzero(positions["aktif"].to_numpy() & (occupancy < formasi))
    if not len(empty):
        return pd.DataFrame(columns=VACANCY_COLUMNS)
    qualified = _qualified_anyone(rnd, empty)
    at_cap = _units_at_cap(rnd, result)
    cur_unit = positions["unit"].to_numpy()[rnd.people["pos"].to_numpy()]
    rows = []
    for p in empty:
        movers = result.space.persons_for(int(p)).tolist()
        route, source = messages.VACANCY_ROUTE_ROTATION, ""
        special = vacancy_route(rnd, int(p), qualified[int(p)])
        if special is not None:
            route, reason, source = special
        elif not qualified[int(p)]:
            reason = messages.VACANCY_NO_CANDIDATE
        elif not movers:
            reason = messages.VACANCY_CANDIDATES_HELD.format(count=qualified[int(p)])
        elif all(cur_unit[e] in at_cap and not result.moved[e] for e in movers):
            reason = messages.VACANCY_CAP.format(count=len(movers))
        else:
            reason = messages.VACANCY_LOWER_PRIORITY
        rows.append(
            {
                "Kode Jabatan": positions.at[p, "kode"],
                "Nama Jabatan": positions.at[p, "nama"],
                "Unit Kerja": positions.at[p, "unit"],
                "Jenis Jabatan": positions.at[p, "jenis"],
                "Prioritas": int(positions.at[p, "prioritas"]),
                "Formasi": int(formasi[p]),
                "Terisi": int(occupancy[p]),
                "Lowong": int(formasi[p] - occupancy[p]),
                "Jalur Pengisian": route,
                "Alasan": reason,
                "Dasar Hukum": source,
            }
        )
    df = pd.DataFrame(rows).sort_values(["Prioritas", "Unit Kerja", "Kode Jabatan"], kind="stable")
    df.insert(0, "No", range(1, len(df) + 1))
    return df[VACANCY_COLUMNS].reset_index(drop=True)


def _units_at_cap(rnd: Round, result: PlanResult) -> set[str]:
    """Units whose free moves out reached the turnover cap."""
    st = result.person_status
    unit = rnd.positions["unit"].to_numpy()[rnd.people["pos"].to_numpy()]
    counted = result.moved & (st.kunci_pos == NO_LOCK) & ~st.dihapus
    moved_out = pd.Series(unit[counted]).value_counts()
    return {u for u, n in moved_out.items() if n >= result.turnover_caps.get(u, 0)}


def _qualified_anyone(rnd: Round, positions_idx: np.ndarray) -> dict[int, int]:
    """Number of people (outside the position) who pass the pair rules for each position, movable or not.
    Evaluated per distinct profile, so the cost grows with profiles × positions, not people × positions."""
    profile = eligibility_profiles(rnd, np.arange(rnd.n_people))
    _, first, sizes = np.unique(profile, return_index=True, return_counts=True)
    reps = first.astype(np.int64)
    cur = rnd.people["pos"].to_numpy()
    out: dict[int, int] = {int(p): 0 for p in positions_idx}
    for p in positions_idx:
        ok = eligible_mask(pair_failures(rnd, reps, np.full(len(reps), p), larangan=False))
        holders = profile[cur == p]  # its own holders are not candidates for it
        out[int(p)] = int(sizes[ok].sum()) - int(np.isin(holders, profile[reps[ok]]).sum())
    return out


def stays(rnd: Round, result: PlanResult) -> pd.DataFrame:
    """Due people who stay, and everyone left tidak tertampung."""
    people, positions = rnd.people, rnd.positions
    cur = people["pos"].to_numpy()
    final = result.final
    st = result.person_status
    unplaced = final == UNPLACED
    idx = np.flatnonzero((st.due & (final == cur)) | unplaced)
    if not len(idx):
        return pd.DataFrame(columns=STAY_COLUMNS)
    unit = positions["unit"].to_numpy()
    at_cap = _units_at_cap(rnd, result)
    cand_count = result.space.count_by_person()
    related = set(rnd.relasi["a"]) | set(rnd.relasi["b"])
    rows = []
    for e in idx:
        sources: list[str] = []
        held = [c for c in st.reasons(e) if c in ALWAYS_HOLD]
        if unplaced[e] and held:
            reason = messages.STAY_TIDAK_TERTAMPUNG_HELD + ": " + "; ".join(
                RULES[c].describe(rnd.rules) for c in held
            )
            reason += f" ({people.at[e, 'kedudukan']})"
            sources = [RULES[c].source for c in held]
        elif unplaced[e]:
            reason = messages.STAY_TIDAK_TERTAMPUNG
        elif st.kunci_pos[e] == TETAP:
            reason = messages.STAY_KUNCI_TETAP
        elif codes := st.reasons(e):
            reason = "; ".join(RULES[c].describe(rnd.rules) for c in codes)
            if "kedudukan-hukum" in codes:
                reason += f" ({people.at[e, 'kedudukan']})"
            sources = [RULES[c].source for c in codes]
        elif cand_count[e] == 0:
            reason = messages.STAY_NO_CANDIDATE
            sources = [RULES["jenis-jabatan"].source]
        elif unit[cur[e]] in at_cap:
            reason = messages.STAY_CAP.format(cap=result.turnover_caps[unit[cur[e]]])
        elif e in related:
            reason = messages.STAY_RELATION
        else:
            reason = messages.STAY_FULL
        c = cur[e]
        rows.append(
            {
                "NIP": people.at[e, "nip"],
                "Nama": people.at[e, "nama"],
                "Pangkat/Gol. Ruang": grades.golongan_label(people.at[e, "golongan"]),
                "Jabatan": positions.at[c, "nama"],
                "Kode Jabatan": positions.at[c, "kode"],
                "Unit Kerja": unit[c],
                "Lama Menjabat (tahun)": round(float(st.tenure_years[e]), 1),
                "Alasan": reason,
                "Dasar Hukum": "; ".join(sources),
            }
        )
    df = pd.DataFrame(rows).sort_values(["Unit Kerja", "Nama"], kind="stable")
    df.insert(0, "No", range(1, len(df) + 1))
    return df[STAY_COLUMNS].reset_index(drop=True)


def required_training(rnd: Round, p: int) -> list[str]:
    """Training a position expects: its Syarat Diklat and the leadership training of its jenis."""
    needed = list(rnd.positions.at[p, "syarat_diklat"])
    lead = grades.LEADERSHIP_TRAINING.get(rnd.positions.at[p, "jenis"])
    if lead and lead not in needed:
        needed.insert(0, lead)
    return needed


def training_needs(rnd: Round, result: PlanResult) -> pd.DataFrame:
    people, positions = rnd.people, rnd.positions
    rows = []
    for e in np.flatnonzero(result.moved):
        p = result.final[e]
        held = set(people.at[e, "diklat"])
        missing = [t for t in required_training(rnd, p) if norm_key(t) not in held]
        if not missing:
            continue
        jenis = positions.at[p, "jenis"]
        notes = [
            messages.TRAINING_NEED.format(training=t, jenis=jenis)
            if grades.LEADERSHIP_TRAINING.get(jenis) == t
            else messages.TRAINING_TECHNICAL.format(training=t)
            for t in missing
        ]
        rows.append(
            {
                "NIP": people.at[e, "nip"],
                "Nama": people.at[e, "nama"],
                "Jabatan Baru": positions.at[p, "nama"],
                "Kode Jabatan Baru": positions.at[p, "kode"],
                "Unit Kerja Baru": positions.at[p, "unit"],
                "Diklat yang Dibutuhkan": "; ".join(missing),
                "Keterangan": "; ".join(notes),
            }
        )
    if not rows:
        return pd.DataFrame(columns=TRAINING_COLUMNS)
    df = pd.DataFrame(rows).sort_values(["Unit Kerja Baru", "Nama"], kind="stable")
    df.insert(0, "No", range(1, len(df) + 1))
    return df[TRAINING_COLUMNS].reset_index(drop=True)


def unit_summary(rnd: Round, result: PlanResult) -> pd.DataFrame:
    """Per unit: people in, out, staying, due, and places empty before and after."""
    people, positions = rnd.people, rnd.positions
    cur = people["pos"].to_numpy()
    final = result.final
    unit = positions["unit"].to_numpy()
    moved = result.moved
    units = sorted(set(unit))
    placed = final != UNPLACED
    formasi = positions["formasi"].to_numpy() * positions["aktif"].to_numpy()
    before = np.bincount(cur, minlength=len(positions))
    after = np.bincount(final[placed], minlength=len(positions))
    df = pd.DataFrame({"Unit Kerja": units})
    series = {
        "Pegawai Awal": pd.Series(unit[cur]).value_counts(),
        "Masuk": pd.Series(unit[final[moved]]).value_counts(),
        "Keluar": pd.Series(unit[cur[moved | ~placed]]).value_counts(),
        "Tetap": pd.Series(unit[cur[final == cur]]).value_counts(),
        "Jatuh Tempo": pd.Series(unit[cur[result.person_status.due]]).value_counts(),
        "Lowong Sebelum": pd.Series(np.maximum(formasi - before, 0)).groupby(unit).sum(),
        "Lowong Sesudah": pd.Series(np.maximum(formasi - after, 0)).groupby(unit).sum(),
    }
    for name, s in series.items():
        df[name] = df["Unit Kerja"].map(s).fillna(0).astype(int)
    return df


def by_golongan(rnd: Round, result: PlanResult) -> pd.DataFrame:
    """Per golongan (PPPK grades after the PNS ones): people, due, moved, unplaced."""
    people = rnd.people
    order = _rank_order(rnd, np.arange(rnd.n_people))
    labels = np.where(
        people["pppk"], "PPPK " + people["golongan"].astype(str), people["golongan"].astype(str)
    )
    return _counts_by("Golongan", labels, order, rnd, result)


def by_gender(rnd: Round, result: PlanResult) -> pd.DataFrame:
    """Per jenis kelamin: people, due, moved, unplaced."""
    names = {"L": "Laki-laki", "P": "Perempuan"}
    labels = rnd.people["gender"].map(lambda g: names.get(g, "Tidak diketahui")).to_numpy()
    order = np.array([("Laki-laki", "Perempuan", "Tidak diketahui").index(x) for x in labels], dtype=int)
    return _counts_by("Jenis Kelamin", labels, order, rnd, result)


def _counts_by(
    title: str, labels: np.ndarray, order: np.ndarray, rnd: Round, result: PlanResult
) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            title: labels,
            "order": order,
            "Pegawai": 1,
            "Jatuh Tempo": result.person_status.due.astype(int),
            "Dimutasi": result.moved.astype(int),
            "Tidak Tertampung": (result.final == UNPLACED).astype(int),
        }
    )
    out = frame.groupby(title, sort=False).agg(
        order=("order", "min"),
        **{c: (c, "sum") for c in ("Pegawai", "Jatuh Tempo", "Dimutasi", "Tidak Tertampung")},
    )
    return out.sort_values("order").drop(columns="order").reset_index()


#: units shown by name in the flow table (the busiest); the rest are summed in one row and column
FLOW_UNITS = 20


def unit_flow(rnd: Round, result: PlanResult) -> pd.DataFrame:
    """Moves from unit (rows) to unit (columns); only units that send or receive someone, the
    ``FLOW_UNITS`` busiest by name and the rest as "Unit lainnya" (a kabupaten with its schools has
    hundreds of units: 800 × 800 cells were written at 20,000 people)."""
    moved = np.flatnonzero(result.moved)
    unit = rnd.positions["unit"].to_numpy()
    cur = rnd.people["pos"].to_numpy()
    if not len(moved):
        return pd.DataFrame(columns=["Dari \\ Ke"])
    src, dst = pd.Series(unit[cur[moved]]), pd.Series(unit[result.final[moved]])
    busy = pd.concat([src, dst]).value_counts(sort=False)
    busy = busy.sort_values(ascending=False, kind="stable")
    if len(busy) > FLOW_UNITS:
        keep = set(busy.index[:FLOW_UNITS])
        other = messages.FLOW_OTHER_UNITS.format(count=len(busy) - FLOW_UNITS)
        src = src.where(src.isin(keep), other)
        dst = dst.where(dst.isin(keep), other)
    flows = pd.crosstab(src.rename("Dari \\ Ke"), dst.rename("Ke"))
    units = sorted(set(flows.index) | set(flows.columns), key=lambda u: (u.startswith("("), u))
    flows = flows.reindex(index=units, columns=units, fill_value=0)
    flows["Jumlah Keluar"] = flows.sum(axis=1)
    flows.loc["Jumlah Masuk"] = flows.sum(axis=0)
    flows.columns.name = None
    return flows.reset_index()
