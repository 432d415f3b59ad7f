"""`sightline synth` from the command line."""

from typer.testing import CliRunner

from sightline.cli import app


def test_synth_writes_parquet_feeds_and_a_calibration_report(tmp_path):
    out, report = tmp_path / "out", tmp_path / "calibration.md"
    result = CliRunner().invoke(app, ["synth", "--scale", "0.01", "--start", "2019-04-01", "--end", "2020-03-31",
                                      "--out", str(out), "--calibration-report", "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert (out / "casework_referral.parquet").exists()
    assert (out / "agency_person_records.parquet").exists() and (out / "truth.parquet").exists()
    assert (out / "feeds" / "police_notifications.csv").read_text().startswith("reference,")
    assert (out / "feeds" / "school_attendance.csv").read_text().startswith("school,upn,")
    assert "| 2019-20 | referrals |" in report.read_text()


def test_synth_refuses_an_end_before_the_start(tmp_path):
    result = CliRunner().invoke(app, ["synth", "--start", "2021-04-01", "--end", "2020-03-31", "--out",
                                      str(tmp_path)])
    assert result.exit_code != 0
    assert "--end must be after --start" in result.output


def test_synth_asks_what_to_do():
    result = CliRunner().invoke(app, ["synth"])
    assert result.exit_code != 0
    assert "--into-db" in result.output


def test_synth_figures_condenses_the_dfe_files(tmp_path):
    from sightline.synth import figures

    out = tmp_path / "la_figures.csv"
    dfe = tmp_path / "dfe"
    dfe.mkdir()
    header = "time_period,geographic_level,old_la_code,la_name,"
    # One authority, one year, in the shape of each DfE file (only the columns the extract reads).
    (dfe / "ons_mid-year_population_estimates_2012_to_2024.csv").write_text(
        header + "population_estimate\n2019,Local authority,999,Testshire,1000\n")
    (dfe / "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv").write_text(
        header + "referral_count,rereferral_percent\n2020,Local authority,999,Testshire,50,20.0\n")
    (dfe / "d3_cpps_subsequent_plan_2013_to_2025.csv").write_text(
        header + "CPP_start,CPP_subsequent_percent\n2020,Local authority,999,Testshire,c,c\n")
    (dfe / "d5_cpps_at31march_by_duration_2013_to_2025.csv").write_text(
        header + "CPP_At31\n2020,Local authority,999,Testshire,4\n")
    (dfe / "cla_number_and_rate_per_10k_children.csv").write_text(
        header + "population_type,children_count\n2020,Local authority,999,Testshire,"
                 "Children looked after on 31 March each year,7\n")
    (dfe / "la_care_leavers_activity.csv").write_text(
        header + "care_leaver_age,breakdown,care_leaver_count\n2020,Local authority,999,Testshire,19 to 21 years,"
                 "Total,3\n")
    assert figures.figures_extract(dfe, out) == 1
    # The mid-2019 population is the denominator for the year ending 31 March 2020; "c" is suppressed.
    assert out.read_text().splitlines()[1] == "999,Testshire,2020,1000,50,20.0,,,4,7,3,"
