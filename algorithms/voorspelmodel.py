"""``voorspelmodel``: a statistical early-warning model on the mechanism scores, with its backtest."""

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
)

from .. import compat
from . import gpkg
from .backtest import Backtest
from .stijl import stijl_uitvoer


class Voorspelmodel(Backtest):
    ID = "voorspelmodel"
    GROUP = "analyse"
    HORIZON = "HORIZON"
    L2 = "L2"
    AANDEEL_VERHOOGD = "AANDEEL_VERHOOGD"
    AANDEEL_STERK = "AANDEEL_STERK"
    OUTPUT = "OUTPUT"
    OUTPUT_COEFFICIENTS = "OUTPUT_COEFFICIENTS"
    OUTPUT_BACKTEST = "OUTPUT_BACKTEST"

    def displayName(self):  # noqa: N802 (QGIS API)
        return self.tr("Early-warning model (logistic regression)")

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return self.tr(
            "An optional statistical early-warning model beside the rule-based profile: an L2-regularised logistic "
            "regression (numpy, Newton-Raphson; features standardised, missing values at the training mean) on the "
            "mechanism scores. It learns from earlier transitions: for every measurement year t0 with t0 + horizon "
            "at or before the test year, the mechanism scores as of t0 and whether the unit declined by t0 + horizon "
            "(target group only; 'declined' as chosen: fell from 'voldoende' or better to 'zwak' or lower, or "
            "dropped at least one class, the same definitions as the backtest). The mechanisms run with the "
            "settings given. It is tested on the transition test year → outcome year, next to the rule-based "
            "profile, and then applied to the latest year.\n\n"
            "Outputs: per unit the probability of decline ('kans') and a model risk class (1 from the probability "
            "above which the top 25 % of training units fall, 2 from the top 10 %; both shares are parameters); the coefficients per standard "
            "deviation with odds ratios, so analysts see which factors carry weight; and the backtest rows of "
            "model and profile (ROC AUC, lift, precision, recall)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API)
        self.add_input_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, self.tr("Test year (the model learns only from transitions that ended by then)"),
            compat.NUMBER_INTEGER, defaultValue=2016, minValue=2002, maxValue=2100))
        self.addParameter(QgsProcessingParameterNumber(
            self.OUTCOME_YEAR, self.tr("Outcome year of the test (empty = the latest)"), compat.NUMBER_INTEGER,
            optional=True, minValue=2002, maxValue=2100))
        self.addParameter(QgsProcessingParameterNumber(
            self.HORIZON, self.tr("Horizon of the training transitions in years (empty = as the test)"),
            compat.NUMBER_INTEGER, optional=True, minValue=2, maxValue=22))
        self.add_outcome_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            self.L2, self.tr("L2 penalty"), compat.NUMBER_DOUBLE, defaultValue=1.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.AANDEEL_VERHOOGD, self.tr("Model class 'verhoogd' for the top share of training units"),
            compat.NUMBER_DOUBLE, defaultValue=0.25, minValue=0.0, maxValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.AANDEEL_STERK, self.tr("Model class 'sterk verhoogd' for the top share of training units"),
            compat.NUMBER_DOUBLE, defaultValue=0.10, minValue=0.0, maxValue=1.0))
        self.add_profile_parameters(cell_share=True)
        self.add_settings_parameters()
        self.add_klassegrenzen_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Model probabilities")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_COEFFICIENTS, self.tr("Model coefficients")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_BACKTEST, self.tr("Backtest of model and profile")))

    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..core.backtest import evaluate, uitkomst
        from ..core.errors import InputError
        from ..core.model import risico_klassen, train_evaluate
        from ..core.profile import mechanism_columns
        from ..core.scores import wide_scores

        inputs = self.prepare(parameters, context, feedback)
        if inputs is None:
            return {}
        niveau, tidy, years, t, t_out, regel = self.outcome_setup(parameters, context, inputs)
        horizon = t_out - t if parameters.get(self.HORIZON) in (None, "") else self.parameterAsInt(
            parameters, self.HORIZON, context)
        pairs = [(t0, t0 + horizon) for t0 in years if t0 + horizon <= t and t0 + horizon in years]
        if not pairs:
            raise InputError(self.tr("No earlier transition of {} years ends by {}: choose a shorter horizon.")
                             .format(horizon, t))
        feedback.pushInfo(self.tr("Training on {}; test {} → {}").format(
            ", ".join(f"{a}→{b}" for a, b in pairs), t, t_out))

        frames = {}
        for step, year in enumerate(sorted({a for a, _ in pairs} | {t, years[-1]})):
            if feedback.isCanceled():
                return {}
            result, geometries = self.analyse_year(parameters, context, feedback, inputs, year)
            frames[year] = result.frames[niveau]
            if year == years[-1]:
                latest_geometries = geometries
            feedback.setProgress(30 + 40 * (step + 1) / (len(pairs) + 2))
        features = [f"{naam}_score" for naam in mechanism_columns(frames[t])]
        wide = wide_scores(tidy, inputs.grenzen)
        aandelen = (self.parameterAsDouble(parameters, self.AANDEEL_VERHOOGD, context),
                    self.parameterAsDouble(parameters, self.AANDEEL_STERK, context))
        if aandelen[1] > aandelen[0]:
            raise InputError(self.tr("The share for 'sterk verhoogd' must not exceed the share for 'verhoogd'."))
        trained = train_evaluate(frames, features, pairs, (t, t_out), self.parameterAsDouble(
            parameters, self.L2, context), wide=wide, regel=regel, aandelen=aandelen)

        test_frame = frames[t].set_index("code")
        outcome = uitkomst(wide.set_index("code").loc[test_frame.index].reset_index(), t, t_out, regel)
        rows = [trained.rij, evaluate("risicoprofiel", test_frame["risico_score"].to_numpy(dtype=float),
                                      test_frame["risico_klasse"], outcome.to_numpy())]
        backtest = pd.DataFrame(rows)
        for row in rows:
            feedback.pushInfo(self.tr("{}: AUC {:.2f}, lift of 'sterk verhoogd' {:.1f}").format(
                row["naam"], row["auc"], row["lift_sterk"]))

        latest = frames[years[-1]]
        kans = trained.model.predict_proba(latest[features])
        output = latest[["code", "naam", "gemeente", "jaar", "afw", "klasse", "doelgroep", "risico_klasse"]].copy()
        output = output.rename(columns={"risico_klasse": "profiel_klasse"})
        output["doelgroep"] = output["doelgroep"].astype("int64")
        output["kans"] = pd.Series(kans, index=latest.index).where(latest["doelgroep"].to_numpy())
        output["risico_klasse"] = risico_klassen(output["kans"], trained.drempels)
        results = {}
        geometries = latest_geometries if niveau == "buurt" else self._grid_geometries(
            parameters, context, feedback, latest)
        dest = gpkg.uitvoer(self, parameters, self.OUTPUT, context, feedback, output.reset_index(drop=True),
                            geometries)
        stijl_uitvoer(context, dest, "risico_grid" if niveau == "grid" else "risico_buurt", feedback=feedback)
        results[self.OUTPUT] = dest
        for name, table in ((self.OUTPUT_COEFFICIENTS, trained.model.coefficients()),
                            (self.OUTPUT_BACKTEST, backtest)):
            table = table.reset_index(drop=True)
            results[name] = gpkg.uitvoer(self, parameters, name, context, feedback, table, None,
                                         wkb_type=compat.WKB_NONE)
        return results

