"""``backtest``: the analysis as if it were year t, compared with what really happened later."""

from pathlib import Path

from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from .. import compat
from . import gpkg
from .vroegsignalering import Vroegsignalering

NIVEAUS = ("buurt", "grid")


class Backtest(Vroegsignalering):
    ID = "backtest"
    GROUP = "analyse"
    OUTCOME_YEAR = "OUTCOME_YEAR"
    REGEL_UITKOMST = "REGEL_UITKOMST"
    NIVEAU = "NIVEAU"
    BOOTSTRAP = "BOOTSTRAP"
    OUTPUT = "OUTPUT"
    OUTPUT_HTML = "OUTPUT_HTML"
    GESIMULEERD = "GESIMULEERD"
    ZONDER_CBS = "ZONDER_CBS"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("Backtest against history")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "Computes the complete analysis as if the analysis year were an earlier measurement t (only data up to "
            "t) and compares it with what really happened at a later measurement: a unit in the target group at t "
            "('voldoende' or better) that fell to 'zwak' or lower (or, by choice, dropped at least one class).\n\n"
            "Reports per mechanism and for the risk profile: ROC AUC (the chance that a unit that declined scored "
            "higher than one that did not; 0.5 = no better than chance); precision, recall and lift of the "
            "mechanism's signal (for the profile: 'verhoogd' or higher); precision and recall per risk class and "
            "the lift of 'sterk verhoogd' and 'verhoogd' over the base rate (the 2024 instrument reports about 10 "
            "for its selection); and the base rate itself. AUC and lifts come with a 95 % bootstrap interval "
            "(units resampled): with few declines they are very uncertain, and the report says so.\n\n"
            "The analysis runs with the settings given (thresholds, references, weights, own indicators, the "
            "profile rule), so the backtest judges exactly what the analyst uses; the report lists them. Output: a "
            "table (the chosen level) and an HTML page in Dutch with English in brackets: precision, recall, lift "
            "and AUC in plain words, a ROC curve and a lift chart; with both buurt and grid scores given, the page "
            "shows both levels. Tick 'The history is simulated' for an example such as the embedded sample: the "
            "page then states in a box that its figures are no evidence for the method.\n\n"
            "CBS figures describe one year: with kerncijfers of several years the analysis as of t uses the latest "
            "up to t. Where only later figures exist, the table's cbs_cijfers column and a box on the page say so; "
            "'Leave out the mechanisms that use CBS figures' keeps every CBS figure out of the test."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.add_input_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, self.tr("Analysis year t (only measurements up to t are used)"), compat.NUMBER_INTEGER,
            defaultValue=2016, minValue=2002, maxValue=2100))
        self.addParameter(QgsProcessingParameterNumber(
            self.OUTCOME_YEAR, self.tr("Outcome year (empty = the latest)"), compat.NUMBER_INTEGER, optional=True,
            minValue=2002, maxValue=2100))
        self.add_outcome_parameters()
        self.add_bootstrap_parameter()
        self.add_profile_parameters(cell_share=True)
        self.add_settings_parameters()
        self.add_klassegrenzen_parameter()
        self.addParameter(QgsProcessingParameterBoolean(
            self.GESIMULEERD, self.tr("The history is simulated (an example such as the embedded sample)"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ZONDER_CBS, self.tr("Leave out the mechanisms that use CBS figures (when only figures from after the "
                                     "analysis year exist)"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Backtest table")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr("Backtest summary (HTML)"), fileFilter=self.tr("HTML files (*.html)")))

    def add_outcome_parameters(self):
        """What counts as decline, and at which level."""
        self.addParameter(QgsProcessingParameterEnum(
            self.REGEL_UITKOMST, self.tr("Decline means"),
            options=[self.tr("fell from 'voldoende' or better to 'zwak' or lower"),
                     self.tr("dropped at least one class")], defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.NIVEAU, self.tr("Units"), options=[self.tr("buurten"), self.tr("100 m grid cells")], defaultValue=0))

    def add_bootstrap_parameter(self):
        from qgis.core import QgsProcessingParameterDefinition

        parameter = QgsProcessingParameterNumber(
            self.BOOTSTRAP, self.tr("Bootstrap resamples for the intervals (0 = none)"), compat.NUMBER_INTEGER,
            defaultValue=1000, minValue=0, maxValue=100000)
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(parameter)

    def outcome_setup(self, parameters, context, inputs):
        """(niveau, tidy scores of that level, measurement years, t, outcome year, rule), checked."""
        from ..core.errors import InputError

        niveau = NIVEAUS[self.parameterAsEnum(parameters, self.NIVEAU, context)]
        tidy = inputs.tidy if niveau == "buurt" else inputs.tidy_grid
        if tidy is None:
            raise InputError(self.tr("No {} scores given for a backtest at that level.").format(niveau))
        years = sorted(int(j) for j in tidy["jaar"].unique())
        t = self._year(parameters, context, tidy)
        t_uitkomst = years[-1] if parameters.get(self.OUTCOME_YEAR) in (None, "") else self.parameterAsInt(
            parameters, self.OUTCOME_YEAR, context)
        if t_uitkomst not in years or t_uitkomst <= t:
            raise InputError(self.tr("The outcome year must be a measurement year after {} ({}).").format(
                t, ", ".join(map(str, years))))
        from ..core.backtest import REGELS

        regel = REGELS[self.parameterAsEnum(parameters, self.REGEL_UITKOMST, context)]
        return niveau, tidy, years, t, t_uitkomst, regel

    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..core import backtest
        from ..core.cbs import beschrijving

        self.zonder_cbs = self.parameterAsBoolean(parameters, self.ZONDER_CBS, context)
        inputs = self.prepare(parameters, context, feedback)
        if inputs is None:
            return {}
        niveau, tidy, years, t, t_uitkomst, regel = self.outcome_setup(parameters, context, inputs)
        feedback.pushInfo(self.tr("Analysis as of {}, outcome {} ({} units)").format(t, t_uitkomst, niveau))

        result, _ = self.analyse_year(parameters, context, feedback, inputs, t)
        bootstrap = self.parameterAsInt(parameters, self.BOOTSTRAP, context)
        rows, curves = self.evaluate_level(result.frames[niveau], tidy, inputs, t, t_uitkomst, regel, bootstrap,
                                           feedback)
        if rows is None:
            return {}
        feedback.setProgress(70)
        # the page shows the other level too where its scores reach both years; the table keeps the chosen one
        andere = []
        for other in NIVEAUS:
            other_tidy = inputs.tidy if other == "buurt" else inputs.tidy_grid
            if other == niveau or other_tidy is None or other not in result.frames:
                continue
            other_years = set(int(j) for j in other_tidy["jaar"].unique())
            if not {t, t_uitkomst} <= other_years:
                feedback.pushInfo(self.tr("The {} scores lack {} or {}: the page shows {} only").format(
                    other, t, t_uitkomst, niveau))
                continue
            other_rows, other_curves = self.evaluate_level(result.frames[other], other_tidy, inputs, t, t_uitkomst,
                                                           regel, bootstrap, feedback)
            if other_rows is None:
                return {}
            andere.append((other, other_rows, other_curves))
        feedback.setProgress(85)

        table = pd.DataFrame(rows)
        table.insert(1, "analysejaar", t)
        table.insert(2, "uitkomstjaar", t_uitkomst)
        table.insert(3, "niveau", niveau)
        cbs = beschrijving(self.cbs_keuzes.get(t), t, self.zonder_cbs)
        table["cbs_cijfers"] = cbs[0]  # which CBS figures, and 'na <t>' when they lie after the analysis year
        table["uitkomstregel"] = backtest.ACHTERUITGANG[regel][0]  # what counted as decline, in plain words
        dest_id = gpkg.uitvoer(self, parameters, self.OUTPUT, context, feedback, table, None, wkb_type=compat.WKB_NONE)
        html = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        # the page is Dutch with English in brackets whatever the language of QGIS: its words come from core
        backtest.html_report(
            backtest.titel(t, t_uitkomst), rows, curves, html, instellingen=self.settings_text(inputs), regel=regel,
            gesimuleerd=self.parameterAsBoolean(parameters, self.GESIMULEERD, context), niveau=niveau,
            niveaus=andere, analysejaar=t, uitkomstjaar=t_uitkomst, gemeenten=inputs.gemeenten, cbs=cbs)
        gpkg.geschreven(self, ("bestand", [Path(html)]))  # removed again if the run is cancelled after this
        profile_row = rows[-1]
        feedback.pushInfo(self.tr("Risk profile: AUC {:.2f}, lift of 'sterk verhoogd' {:.1f}, base rate {:.1%}").format(
            profile_row["auc"], profile_row["lift_sterk"], profile_row["basisratio"]))
        feedback.pushInfo(self.tr("'verhoogd' or higher catches {:.0%} of the declines (lift {:.1f}); 'sterk verhoogd' "
                                  "{:.0%} (lift {:.1f}); {} declines").format(
            profile_row["recall_1"], profile_row["lift_verhoogd"], profile_row["recall_2"], profile_row["lift_sterk"],
            profile_row["n_positief"]))
        return {self.OUTPUT: dest_id, self.OUTPUT_HTML: html}

    def evaluate_level(self, frame, tidy, inputs, t, t_uitkomst, regel, bootstrap, feedback):
        """The backtest rows (per mechanism, then the profile) and curves of one level; (None, None) when
        cancelled."""
        import numpy as np
        import pandas as pd

        from ..core.backtest import PROFIEL, evaluate, uitkomst
        from ..core.profile import mechanism_columns
        from ..core.scores import wide_scores

        history = wide_scores(tidy, inputs.grenzen).set_index("code")
        outcome = uitkomst(history.loc[frame["code"]].reset_index(), t, t_uitkomst, regel).to_numpy()
        rows, curves = [], {}
        for naam in mechanism_columns(frame):
            if feedback.isCanceled():
                return None, None
            score = frame[f"{naam}_score"].to_numpy(dtype=float)
            signaal = pd.to_numeric(frame[f"{naam}_signaal"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
            rows.append(evaluate(naam, score, None, outcome, signaal=signaal, bootstrap=bootstrap))
            curves[naam] = (score, outcome)
        profiel = frame["risico_score"].to_numpy(dtype=float)
        rows.append(evaluate(PROFIEL, profiel, frame["risico_klasse"], outcome, bootstrap=bootstrap))
        curves[PROFIEL] = (profiel, outcome)
        return rows, curves

    def settings_text(self, inputs):
        """The settings that produced the numbers, for the report: the profile as it took effect (the separate
        parameters with the settings text on top), then the mechanisms' and own indicators' settings as given."""
        from dataclasses import fields

        regels = inputs.regels
        lines = [f"profiel.{f.name} = {getattr(regels, f.name):g}" if isinstance(getattr(regels, f.name), float)
                 else f"profiel.{f.name} = {getattr(regels, f.name)}"
                 for f in fields(regels) if f.name not in ("gewichten", "labels")]
        lines.append(f"profiel.potentieel_kwetsbaar = {inputs.drempel_aandeel:g}")
        lines += [f"{naam}.gewicht = {gewicht:g}" for naam, gewicht in sorted(regels.gewichten.items())]
        lines += [line for line in inputs.instellingen.tekst().splitlines()
                  if not line.startswith("profiel.") and ".gewicht = " not in line]
        return "\n".join(lines)
