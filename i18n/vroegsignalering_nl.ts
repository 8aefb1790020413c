<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>Backtest</name>
    <message>
        <location filename="../algorithms/backtest.py" line="33"/>
        <source>Backtest against history</source>
        <translation>Terugtoets op de historie</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="59"/>
        <source>Analysis year t (only measurements up to t are used)</source>
        <translation>Analysejaar t (alleen metingen tot en met t worden gebruikt)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="62"/>
        <source>Outcome year (empty = the latest)</source>
        <translation>Uitkomstjaar (leeg = het meest recente)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="82"/>
        <source>Decline means</source>
        <translation>Achteruitgang betekent</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="82"/>
        <source>fell from &apos;voldoende&apos; or better to &apos;zwak&apos; or lower</source>
        <translation>gedaald van 'voldoende' of beter naar 'zwak' of lager</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="82"/>
        <source>dropped at least one class</source>
        <translation>ten minste één klasse gedaald</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="86"/>
        <source>Units</source>
        <translation>Eenheden</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="86"/>
        <source>buurten</source>
        <translation>buurten</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="86"/>
        <source>100 m grid cells</source>
        <translation>gridcellen van 100 m</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="76"/>
        <source>Backtest table</source>
        <translation>Tabel terugtoets</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="77"/>
        <source>Backtest summary (HTML)</source>
        <translation>Samenvatting terugtoets (HTML)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="77"/>
        <source>HTML files (*.html)</source>
        <translation>HTML-bestanden (*.html)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="105"/>
        <source>No {} scores given for a backtest at that level.</source>
        <translation>Geen scores ({}) opgegeven voor een terugtoets op dat niveau.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="111"/>
        <source>The outcome year must be a measurement year after {} ({}).</source>
        <translation>Het uitkomstjaar moet een meetjaar na {} zijn ({}).</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="129"/>
        <source>Analysis as of {}, outcome {} ({} units)</source>
        <translation>Analyse per {}, uitkomst {} ({} eenheden)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="172"/>
        <source>Risk profile: AUC {:.2f}, lift of &apos;sterk verhoogd&apos; {:.1f}, base rate {:.1%}</source>
        <translation>Risicoprofiel: AUC {:.2f}, lift van 'sterk verhoogd' {:.1f}, basiskans {:.1%}</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="92"/>
        <source>Bootstrap resamples for the intervals (0 = none)</source>
        <translation>Aantal bootstraptrekkingen voor de intervallen (0 = geen)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="174"/>
        <source>&apos;verhoogd&apos; or higher catches {:.0%} of the declines (lift {:.1f}); &apos;sterk verhoogd&apos; {:.0%} (lift {:.1f}); {} declines</source>
        <translation>'verhoogd' of hoger vangt {:.0%} van de gedaalde eenheden (lift {:.1f}); 'sterk verhoogd' {:.0%} (lift {:.1f}); {} gedaalde eenheden</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="70"/>
        <source>The history is simulated (an example such as the embedded sample)</source>
        <translation>De geschiedenis is gesimuleerd (een voorbeeld zoals de meegeleverde voorbeelddata)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="146"/>
        <source>The {} scores lack {} or {}: the page shows {} only</source>
        <translation>De {}-scores missen {} of {}: de pagina toont alleen {}</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="36"/>
        <source>Computes the complete analysis as if the analysis year were an earlier measurement t (only data up to t) and compares it with what really happened at a later measurement: a unit in the target group at t (&apos;voldoende&apos; or better) that fell to &apos;zwak&apos; or lower (or, by choice, dropped at least one class).

Reports per mechanism and for the risk profile: ROC AUC (the chance that a unit that declined scored higher than one that did not; 0.5 = no better than chance); precision, recall and lift of the mechanism&apos;s signal (for the profile: &apos;verhoogd&apos; or higher); precision and recall per risk class and the lift of &apos;sterk verhoogd&apos; and &apos;verhoogd&apos; over the base rate (the 2024 instrument reports about 10 for its selection); and the base rate itself. AUC and lifts come with a 95 % bootstrap interval (units resampled): with few declines they are very uncertain, and the report says so.

The analysis runs with the settings given (thresholds, references, weights, own indicators, the profile rule), so the backtest judges exactly what the analyst uses; the report lists them. Output: a table (the chosen level) and an HTML page in Dutch with English in brackets: precision, recall, lift and AUC in plain words, a ROC curve and a lift chart; with both buurt and grid scores given, the page shows both levels. Tick &apos;The history is simulated&apos; for an example such as the embedded sample: the page then states in a box that its figures are no evidence for the method.

CBS figures describe one year: with kerncijfers of several years the analysis as of t uses the latest up to t. Where only later figures exist, the table&apos;s cbs_cijfers column and a box on the page say so; &apos;Leave out the mechanisms that use CBS figures&apos; keeps every CBS figure out of the test.</source>
        <translation>Voert de volledige analyse uit alsof het analysejaar een eerdere meting t was (alleen gegevens tot en met t) en vergelijkt die met wat er bij een latere meting werkelijk is gebeurd: een eenheid in de doelgroep op t ('voldoende' of beter) die is gedaald naar 'zwak' of lager (of, naar keuze, ten minste één klasse is gedaald).

Rapporteert per mechanisme en voor het risicoprofiel: ROC AUC (de kans dat een eenheid die achteruitging hoger scoorde dan een eenheid die dat niet deed; 0,5 = niet beter dan toeval); precisie, recall en lift van het signaal van het mechanisme (voor het profiel: 'verhoogd' of hoger); precisie en recall per risicoklasse en de lift van 'sterk verhoogd' en 'verhoogd' ten opzichte van de basiskans (het instrument uit 2024 rapporteert ongeveer 10 voor zijn selectie); en de basiskans zelf. AUC en lifts krijgen een bootstrapinterval van 95 % (eenheden opnieuw getrokken): bij weinig gedaalde eenheden zijn ze zeer onzeker, en het rapport vermeldt dat.

De analyse draait met de opgegeven instellingen (drempels, referenties, gewichten, eigen indicatoren, de profielregel), zodat de terugtoets precies beoordeelt wat de analist gebruikt; het rapport somt ze op. Uitvoer: een tabel (van het gekozen niveau) en een HTML-pagina in het Nederlands met Engels tussen haakjes: precisie, vangst (recall), lift en AUC in gewone woorden, een ROC-curve en een liftgrafiek; als zowel buurt- als gridscores zijn opgegeven, toont de pagina beide niveaus. Vink 'De geschiedenis is gesimuleerd' aan bij een voorbeeld zoals de meegeleverde voorbeelddata: de pagina zegt dan in een kader dat haar cijfers geen bewijs zijn voor de methode.

CBS-cijfers beschrijven één jaar: met kerncijfers van meerdere jaren gebruikt de analyse per t de laatste tot en met t. Zijn er alleen latere cijfers, dan zeggen de kolom cbs_cijfers van de tabel en een kader op de pagina dat; met 'Laat de mechanismen met CBS-cijfers weg' blijven alle CBS-cijfers buiten de toets.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="73"/>
        <source>Leave out the mechanisms that use CBS figures (when only figures from after the analysis year exist)</source>
        <translation>Laat de mechanismen met CBS-cijfers weg (als er alleen cijfers van na het analysejaar zijn)</translation>
    </message>
</context>
<context>
    <name>BuurtContext</name>
    <message>
        <location filename="../algorithms/buurtcontext.py" line="29"/>
        <source>Prepare buurten with CBS context</source>
        <translation>Buurten met CBS-context voorbereiden</translation>
    </message>
    <message>
        <location filename="../algorithms/buurtcontext.py" line="32"/>
        <source>Turns any buurt polygon layer (the CBS wijk- en buurtkaart GeoPackage, or a layer of your own in any CRS) into the buurt layer the risk mechanisms use: polygons in EPSG:28992 with code, naam, wijkcode, gemeente and gm_code first, then every CBS figure of the layer with the secrecy codes -99997 etc. as NULL (never as numbers).

The buurt code field is found by its values (BU + 8 characters) unless you choose it. Optionally joins a CBS StatLine &apos;Kerncijfers wijken en buurten&apos; CSV on buurt code: its columns are matched without their yearly numeric suffix (AantalInwoners_5 becomes AantalInwoners) and &apos;.&apos; is NULL. Buurten without figures and figures without a buurt are counted and reported, never dropped silently. Limit the output to gemeenten with their codes (GM0995) or names.</source>
        <translation>Zet elke laag met buurtvlakken (de GeoPackage van de CBS wijk- en buurtkaart, of een eigen laag in elk CRS) om in de buurtlaag die de risicomechanismen gebruiken: vlakken in EPSG:28992 met eerst code, naam, wijkcode, gemeente en gm_code, daarna elk CBS-kengetal van de laag, met de geheimhoudingscodes -99997 enz. als NULL (nooit als getal).

Het buurtcodeveld wordt aan de waarden herkend (BU + 8 tekens), tenzij het zelf is gekozen. Koppelt optioneel een CSV 'Kerncijfers wijken en buurten' van CBS StatLine op buurtcode: de kolommen worden gekoppeld zonder hun jaarlijkse numerieke achtervoegsel (AantalInwoners_5 wordt AantalInwoners) en '.' wordt NULL. Buurten zonder kengetallen en kengetallen zonder buurt worden geteld en gemeld, nooit stilzwijgend weggelaten. Beperk de uitvoer tot gemeenten met hun codes (GM0995) of namen.</translation>
    </message>
    <message>
        <location filename="../algorithms/buurtcontext.py" line="45"/>
        <source>Buurt polygons</source>
        <translation>Buurtvlakken</translation>
    </message>
    <message>
        <location filename="../algorithms/buurtcontext.py" line="48"/>
        <source>Buurt code field (detected when empty)</source>
        <translation>Buurtcodeveld (automatisch als leeg)</translation>
    </message>
    <message>
        <location filename="../algorithms/buurtcontext.py" line="54"/>
        <source>CBS kerncijfers table (CSV, optional)</source>
        <translation>Tabel CBS-kerncijfers (CSV, optioneel)</translation>
    </message>
    <message>
        <location filename="../algorithms/buurtcontext.py" line="54"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-bestanden (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../algorithms/buurtcontext.py" line="60"/>
        <source>Gemeenten (codes or names, comma separated; empty = all)</source>
        <translation>Gemeenten (codes of namen, gescheiden door komma's; leeg = alle)</translation>
    </message>
    <message>
        <location filename="../algorithms/buurtcontext.py" line="65"/>
        <source>Buurten with context</source>
        <translation>Buurten met context</translation>
    </message>
    <message>
        <location filename="../algorithms/buurtcontext.py" line="70"/>
        <source>{} buurten in {} gemeenten</source>
        <translation>{} buurten in {} gemeenten</translation>
    </message>
</context>
<context>
    <name>BuurtLijst</name>
    <message>
        <location filename="../ui/buurtlijst.py" line="48"/>
        <source>Filter buurten by name or code</source>
        <translation>Zoek buurten op naam of code</translation>
    </message>
    <message>
        <location filename="../ui/buurtlijst.py" line="56"/>
        <source>Buurt</source>
        <translation>Buurt</translation>
    </message>
    <message>
        <location filename="../ui/buurtlijst.py" line="56"/>
        <source>Risk</source>
        <translation>Risico</translation>
    </message>
    <message>
        <location filename="../ui/buurtlijst.py" line="56"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../ui/buurtlijst.py" line="73"/>
        <source>Copy as text</source>
        <translation>Tekst kopiëren</translation>
    </message>
    <message>
        <location filename="../ui/buurtlijst.py" line="76"/>
        <source>Copy as HTML</source>
        <translation>HTML kopiëren</translation>
    </message>
    <message>
        <location filename="../ui/buurtlijst.py" line="82"/>
        <source>Local interpretation (what local professionals say)</source>
        <translation>Lokale duiding (wat lokale professionals zeggen)</translation>
    </message>
    <message>
        <location filename="../ui/buurtlijst.py" line="87"/>
        <source>Write here what the wijkteam, the corporation or the police know about this buurt; it is kept with the results.</source>
        <translation>Schrijf hier wat het wijkteam, de corporatie of de politie van deze buurt weet; het wordt bij de resultaten bewaard.</translation>
    </message>
    <message>
        <location filename="../ui/buurtlijst.py" line="91"/>
        <source>Save the interpretation</source>
        <translation>Duiding bewaren</translation>
    </message>
    <message>
        <location filename="../ui/buurtlijst.py" line="122"/>
        <source>Target group (&apos;voldoende&apos; or better): {}</source>
        <translation>Doelgroep ('voldoende' of beter): {}</translation>
    </message>
    <message>
        <location filename="../ui/buurtlijst.py" line="126"/>
        <source>Already &apos;zwak&apos; or lower: {}</source>
        <translation>Al 'zwak' of lager: {}</translation>
    </message>
    <message>
        <location filename="../ui/buurtlijst.py" line="57"/>
        <source>Risk score from 0 to 1</source>
        <translation>Risicoscore van 0 tot 1</translation>
    </message>
</context>
<context>
    <name>Concurrentiepositie</name>
    <message>
        <location filename="../algorithms/mechanismen/concurrentiepositie.py" line="10"/>
        <source>10 Competitive position (concurrentiepositie)</source>
        <translation>10 Concurrentie met de omgeving (concurrentiepositie)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/concurrentiepositie.py" line="27"/>
        <source>Radius (m)</source>
        <translation>Straal (m)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/concurrentiepositie.py" line="28"/>
        <source>won below its surroundings by at least</source>
        <translation>won onder de omgeving met ten minste</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/concurrentiepositie.py" line="29"/>
        <source>WOZ at most this share of its surroundings</source>
        <translation>WOZ ten hoogste dit aandeel van die in de omgeving</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/concurrentiepositie.py" line="13"/>
        <source>What: the buurt&apos;s housing-stock score (won) in the analysis year and its WOZ value against the distance-weighted average of the buurten within the radius (default 5 km; weights fall linearly to 0 at the radius).

Why: households compare buurten; a buurt whose dwellings and living environment lose out to the areas around it keeps those who cannot choose and loses those who can.

Formula: signal when won lies at least the threshold (default 0.0392, half a class step) below its surroundings, or the WOZ value is at most 0.8 times that around it. Score = the larger of the two parts, each 0.5 at its threshold and 1 at twice that distance (the common scale of all mechanisms). Only the won score of the analysis year is used.</source>
        <translation>Wat: de woningvoorraadscore (won) van de buurt in het analysejaar en de WOZ-waarde, afgezet tegen het naar afstand gewogen gemiddelde van de buurten binnen de straal (standaard 5 km; de gewichten lopen lineair af tot 0 bij de straal).

Waarom: huishoudens vergelijken buurten; een buurt waarvan de woningen en woonomgeving achterblijven bij de gebieden eromheen, houdt de huishoudens die niet kunnen kiezen en verliest de huishoudens die dat wel kunnen.

Formule: signaal wanneer won ten minste de drempel (standaard 0,0392, een halve klassenstap) onder de omgeving ligt, of de WOZ-waarde ten hoogste 0,8 keer die in de omgeving is. Score = de grootste van de twee delen, elk 0,5 bij de eigen drempel en 1 bij tweemaal die afstand (de gemeenschappelijke schaal van alle mechanismen). Alleen de won-score van het analysejaar wordt gebruikt.</translation>
    </message>
</context>
<context>
    <name>Conjunctuur</name>
    <message>
        <location filename="../algorithms/mechanismen/conjunctuur.py" line="10"/>
        <source>6 Economic sensitivity (conjunctuur)</source>
        <translation>6 Conjunctuurgevoeligheid (conjunctuur)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/conjunctuur.py" line="30"/>
        <source>Reference for the crisis change</source>
        <translation>Referentie voor de verandering in de crisis</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/conjunctuur.py" line="32"/>
        <source>Crisis threshold (relative fall)</source>
        <translation>Crisisdrempel (relatieve daling)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/conjunctuur.py" line="33"/>
        <source>Structural threshold (rank 0..1)</source>
        <translation>Structurele drempel (rang 0..1)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/conjunctuur.py" line="13"/>
        <source>What, empirical: the unit's change of afw during the 2008→2012 crisis minus the mean change of all units in the input (national when the input is national). Structural, from CBS context on the buurt layer: share of low incomes or poverty and share of corporation rental dwellings, each as a percentile rank within the input (the WOZ value is concurrentiepositie's figure: one figure, one vote).

Why: in a downturn, households with low and insecure incomes are hit first, and the areas where they concentrate lose liveability first; the crisis showed which units react this way, the CBS figures show which are built to.

Formula: signal when the relative crisis change ≤ −0.0392 (half a class step) or the mean rank of the structural figures ≥ 0.8 (the most sensitive fifth). Score (0.5 at each threshold): the larger of the empirical part (1 a full class step below the reference) and the structural part (1 for the most sensitive unit, 0 at rank 0.6). Without crisis years and without CBS context the mechanism stops with a message. CBS context describes one year: in a backtest it may postdate the analysis year.</source>
        <translation>Wat, empirisch: de verandering van afw van de eenheid tijdens de crisis van 2008→2012 min de gemiddelde verandering van alle eenheden in de invoer (landelijk als de invoer landelijk is). Structureel, uit de CBS-context van de buurtlaag: aandeel lage inkomens of armoede en aandeel corporatiehuurwoningen, elk als percentielrang binnen de invoer (de WOZ-waarde is het kengetal van concurrentiepositie: één kengetal, één stem).

Waarom: bij een economische neergang worden huishoudens met lage en onzekere inkomens het eerst geraakt, en de gebieden waar zij geconcentreerd wonen, verliezen het eerst aan leefbaarheid; de crisis liet zien welke eenheden zo reageren, de CBS-cijfers laten zien welke daar door hun samenstelling gevoelig voor zijn.

Formule: signaal wanneer de relatieve crisisverandering ≤ −0,0392 (een halve klassenstap) of de gemiddelde rang van de structurele kengetallen ≥ 0,8 (het gevoeligste vijfde deel). Score (0,5 bij elke drempel): de grootste van het empirische deel (1 bij een volle klassenstap onder de referentie) en het structurele deel (1 voor de gevoeligste eenheid, 0 bij rang 0,6). Zonder crisisjaren en zonder CBS-context stopt het mechanisme met een melding. De CBS-context beschrijft één jaar: in een terugtoets kan die van na het analysejaar zijn.</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/conjunctuur.py" line="30"/>
        <source>Fixed reference change 2008-2012 (e.g. the national change)</source>
        <translation>Vaste referentieverandering 2008-2012 (bijv. de landelijke verandering)</translation>
    </message>
</context>
<context>
    <name>Dimensies</name>
    <message>
        <location filename="../algorithms/mechanismen/dimensies.py" line="10"/>
        <source>4 Hidden weak dimension (dimensies)</source>
        <translation>4 Verborgen zwakke dimensie (dimensies)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/dimensies.py" line="30"/>
        <source>Weak at dimension class at most</source>
        <translation>Zwak bij dimensieklasse ten hoogste</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/dimensies.py" line="31"/>
        <source>Or a decline over the period of at least</source>
        <translation>Of een daling over de periode van ten minste</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/dimensies.py" line="32"/>
        <source>Period in years</source>
        <translation>Periode in jaren</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/dimensies.py" line="13"/>
        <source>What: the Leefbaarometer dimensions nuisance and insecurity (onv) and social cohesion (soc), or the ones you choose: their class in the analysis year and their change over the period. The housing stock (won) is not watched by default: it is concurrentiepositie&apos;s figure (one figure, one vote).

Why: a good total can hide a weak or sharply declining dimension; nuisance and weak social cohesion in particular come before decline of the whole score.

Formula: a dimension is weak when its class is at most the maximum class (default 3, &apos;onvoldoende&apos;) or it fell by at least the decline (default 0.0784, a class step) over the period (default 6 years). Signal when at least one watched dimension is weak while the total class is &apos;voldoende&apos; or better; units already &apos;zwak&apos; or lower get no score. Score (0.5 at the thresholds): per dimension the larger of the level part (1 at the bottom of class 3, 0 at a dimension score of 0; the class boundary itself is not weak) and the decline part (1 at twice the decline), the highest over the dimensions. Old years without dimension scores give a missing change, never zero.</source>
        <translation>Wat: de Leefbaarometer-dimensies overlast en onveiligheid (onv) en sociale samenhang (soc), of de zelf gekozen dimensies: hun klasse in het analysejaar en hun verandering over de periode. De woningvoorraad (won) wordt standaard niet gevolgd: dat is het kengetal van concurrentiepositie (één kengetal, één stem).

Waarom: een goed totaal kan een zwakke of sterk dalende dimensie verbergen; vooral overlast en zwakke sociale samenhang gaan vooraf aan achteruitgang van de totaalscore.

Formule: een dimensie is zwak wanneer haar klasse ten hoogste de maximale klasse is (standaard 3, 'onvoldoende') of ze over de periode (standaard 6 jaar) met ten minste de daling (standaard 0,0784, één klassenstap) is gedaald. Signaal wanneer ten minste één gevolgde dimensie zwak is terwijl de totaalklasse 'voldoende' of beter is; eenheden die al 'zwak' of lager zijn, krijgen geen score. Score (0,5 bij de drempels): per dimensie de grootste van het niveaudeel (1 bij de ondergrens van klasse 3, 0 bij een dimensiescore van 0; de klassegrens zelf is niet zwak) en het dalingsdeel (1 bij tweemaal de daling), het hoogste over de dimensies. Oude jaren zonder dimensiescores geven een ontbrekende verandering, nooit nul.</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/dimensies.py" line="33"/>
        <source>Dimensions to watch (of fys, onv, soc, vrz, won)</source>
        <translation>Te volgen dimensies (uit fys, onv, soc, vrz, won)</translation>
    </message>
</context>
<context>
    <name>Doorstroom</name>
    <message>
        <location filename="../algorithms/mechanismen/doorstroom.py" line="10"/>
        <source>7 Dwellings coming free (doorstroom)</source>
        <translation>7 Vrijkomende woningen (doorstroom)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/doorstroom.py" line="32"/>
        <source>Older residents: percentile at least</source>
        <translation>Oudere bewoners: percentiel ten minste</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/doorstroom.py" line="33"/>
        <source>WOZ or income: percentile at most</source>
        <translation>WOZ of inkomen: percentiel ten hoogste</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/doorstroom.py" line="13"/>
        <source>What: the share of residents aged 65 or over (75+ where the buurt layer supplies it) together with a modest WOZ value or a low income, from the CBS context of the buurt layer. Grid cells take the figures of their buurt.

Why: where many older residents live in modest dwellings, many dwellings change hands within 10-15 years (&apos;ontgrijzing&apos;), often to households with fewer options: selective inflow that can tip a buurt.

Formula: signal when the share of older residents is in the top quarter of the reference (default percentile 75) and the WOZ value or the income is at or below the median (percentile 50); or at fixed thresholds where given. The older share drives the signal, affordability is its condition. Score (0.5 at the thresholds): the smaller of the older-share part (1 at one and a half times its threshold) and the affordability part (1 at two thirds of the WOZ or income threshold). Reference: the unit&apos;s gemeente or all units. Without age data the mechanism stops with a message. The CBS figures describe one year: in a backtest they may postdate the analysis year.</source>
        <translation>Wat: het aandeel inwoners van 65 jaar of ouder (75+ als de buurtlaag dat levert) in combinatie met een bescheiden WOZ-waarde of een laag inkomen, uit de CBS-context van de buurtlaag. Gridcellen nemen de cijfers van hun buurt over.

Waarom: waar veel oudere bewoners in bescheiden woningen wonen, krijgen binnen 10-15 jaar veel woningen nieuwe bewoners ('ontgrijzing'), vaak huishoudens met minder keuzemogelijkheden: selectieve instroom die een buurt kan doen omslaan.

Formule: signaal wanneer het aandeel ouderen in het bovenste kwart van de referentie valt (standaard percentiel 75) en de WOZ-waarde of het inkomen op of onder de mediaan ligt (percentiel 50); of bij vaste drempels als die zijn opgegeven. Het aandeel ouderen bepaalt het signaal, de betaalbaarheid is de voorwaarde. Score (0,5 bij de drempels): de kleinste van het deel voor het aandeel ouderen (1 bij anderhalf keer de drempel daarvan) en het deel voor de betaalbaarheid (1 bij twee derde van de drempel voor WOZ of inkomen). Referentie: de gemeente van de eenheid of alle eenheden. Zonder leeftijdsgegevens stopt het mechanisme met een melding. De CBS-cijfers beschrijven één jaar: in een terugtoets kunnen ze van na het analysejaar zijn.</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/doorstroom.py" line="34"/>
        <source>Fixed threshold for the older share (%, empty = percentile)</source>
        <translation>Vaste drempel voor het aandeel ouderen (%, leeg = percentiel)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/doorstroom.py" line="36"/>
        <source>Fixed WOZ threshold (thousand euros, empty = percentile)</source>
        <translation>Vaste WOZ-drempel (duizend euro, leeg = percentiel)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/doorstroom.py" line="38"/>
        <source>Fixed income threshold (thousand euros per inhabitant, empty = percentile)</source>
        <translation>Vaste inkomensdrempel (duizend euro per inwoner, leeg = percentiel)</translation>
    </message>
</context>
<context>
    <name>DownloadData</name>
    <message>
        <location filename="../algorithms/downloaddata.py" line="76"/>
        <source>Download open data</source>
        <translation>Open data downloaden</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="107"/>
        <source>Leefbaarometer scores 2002-2024 (open-data zip)</source>
        <translation>Leefbaarometer-scores 2002-2024 (open-data-zip)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="108"/>
        <source>Leefbaarometer geometry 2024 (geometrie-lbm3-2024.zip)</source>
        <translation>Leefbaarometer-geometrie 2024 (geometrie-lbm3-2024.zip)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="109"/>
        <source>CBS wijk- en buurtkaart 2024 (GeoPackage)</source>
        <translation>CBS wijk- en buurtkaart 2024 (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="110"/>
        <source>Leefbaarometer buurt scores of one gemeente (WFS)</source>
        <translation>Leefbaarometer-buurtscores van één gemeente (WFS)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="111"/>
        <source>Leefbaarometer grid scores of one gemeente (WFS)</source>
        <translation>Leefbaarometer-gridscores van één gemeente (WFS)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="117"/>
        <source>Datasets</source>
        <translation>Datasets</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="123"/>
        <source>Gemeente name (for the WFS datasets)</source>
        <translation>Gemeentenaam (voor de WFS-datasets)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="128"/>
        <source>Download again (ignore the cache)</source>
        <translation>Opnieuw downloaden (cache negeren)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="176"/>
        <source>Cache folder</source>
        <translation>Cachemap</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="142"/>
        <source>Leefbaarometer download folder (base URL)</source>
        <translation>Downloadmap van de Leefbaarometer (basis-URL)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="146"/>
        <source>CBS wijk- en buurtkaart folder (base URL) or address of the GeoPackage</source>
        <translation>Map van de CBS wijk- en buurtkaart (basis-URL) of adres van de GeoPackage</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="150"/>
        <source>Leefbaarometer WFS address</source>
        <translation>Adres van de Leefbaarometer-WFS</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="154"/>
        <source>Time-out per request (seconds)</source>
        <translation>Time-out per verzoek (seconden)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="158"/>
        <source>Retries after a network error</source>
        <translation>Nieuwe pogingen na een netwerkfout</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="177"/>
        <source>Downloaded files (separated by &apos;;&apos;)</source>
        <translation>Gedownloade bestanden (gescheiden door ';')</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="178"/>
        <source>Leefbaarometer buurt scores CSV</source>
        <translation>CSV met Leefbaarometer-buurtscores</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="179"/>
        <source>CBS wijk- en buurtkaart GeoPackage</source>
        <translation>GeoPackage CBS wijk- en buurtkaart</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="180"/>
        <source>WFS buurt scores (GeoJSON)</source>
        <translation>WFS-buurtscores (GeoJSON)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="181"/>
        <source>WFS grid scores (GeoJSON)</source>
        <translation>WFS-gridscores (GeoJSON)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="198"/>
        <source>Choose at least one dataset to download.</source>
        <translation>Kies ten minste één dataset om te downloaden.</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="201"/>
        <source>The WFS datasets are fetched for one gemeente: fill in &apos;Gemeente name&apos; (e.g. Lelystad), or leave the WFS datasets out.</source>
        <translation>De WFS-datasets worden voor één gemeente opgehaald: vul 'Gemeentenaam' in (bijv. Lelystad), of laat de WFS-datasets weg.</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="236"/>
        <source>Cancelled: {}. Files completed before remain in the cache; nothing incomplete was kept.</source>
        <translation>Geannuleerd: {}. Eerder voltooide bestanden blijven in de cache; er is niets onvolledigs bewaard.</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="304"/>
        <source>Taken from the cache ({} files); tick &apos;Download again&apos; to refresh.</source>
        <translation>Uit de cache genomen ({} bestanden); vink 'Opnieuw downloaden' aan om te verversen.</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="317"/>
        <source>The scores zip holds no &apos;Leefbaarometer-scores buurten&apos; CSV; its files: {}</source>
        <translation>De scores-zip bevat geen CSV 'Leefbaarometer-scores buurten'; de bestanden erin: {}</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="402"/>
        <source>the WFS answered with an error: {}</source>
        <translation>de WFS antwoordde met een fout: {}</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="406"/>
        <source>the WFS answer is not GeoJSON: {}</source>
        <translation>het antwoord van de WFS is geen GeoJSON: {}</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="408"/>
        <source>the WFS returned no features for gemeente '{}'. Check the spelling of the name as the Leefbaarometer writes it (e.g. 's-Hertogenbosch, Súdwest-Fryslân)</source>
        <translation>de WFS gaf geen objecten terug voor gemeente '{}'. Controleer de schrijfwijze van de naam zoals de Leefbaarometer die schrijft (bijv. 's-Hertogenbosch, Súdwest-Fryslân)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="413"/>
        <source>Layer {}: {} (request {}).</source>
        <translation>Laag {}: {} (verzoek {}).</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="418"/>
        <source>The WFS returned {} of {} features for {} (a server limit): the file is incomplete.</source>
        <translation>De WFS gaf {} van {} objecten terug voor {} (een serverlimiet): het bestand is onvolledig.</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="79"/>
        <source>Downloads the official open data the plugin works with into a local cache folder and unpacks zips there: the Leefbaarometer 3.0 scores 2002-2024 (open-data zip with the grid, buurt, wijk and gemeente CSVs), the Leefbaarometer geometry 2024 (zip), the CBS wijk- en buurtkaart 2024 (GeoPackage, via PDOK) and, for one gemeente, the buurt or grid scores from the Leefbaarometer WFS (GeoJSON).

Licences: Leefbaarometer open data by the Ministry of BZK (Binnenlandse Zaken en Koninkrijksrelaties); CBS wijk- en buurtkaart by CBS/Kadaster, CC BY 4.0 (name the source when you publish).

Files already in the cache are used without a new download (tick &apos;Download again&apos; to refresh); a file appears in the cache only when complete, and a damaged zip is removed so the next run fetches it again. The cache is by default in your QGIS profile folder (vroegsignalering/cache). The WFS datasets need the gemeente name as the Leefbaarometer writes it (e.g. &apos;s-Hertogenbosch).

Files move between releases: under Advanced you can change the base URLs (the Leefbaarometer download folder, the CBS folder or the full address of the GeoPackage, the WFS address), e.g. to a mirror, and the time-out and number of retries.

The downloads go through QGIS&apos;s network settings, as QGIS&apos;s own layers do: the proxy (Settings &gt; Options &gt; Network), the certificate authorities and SSL exceptions (Settings &gt; Options &gt; Authentication) and QGIS&apos;s network time-out. Addresses must be https; plain http is used only for a server on this computer (127.0.0.1, localhost) or when you tick &apos;Allow plain http addresses&apos; under Advanced. A mirror that asks for a login gets the authentication configuration chosen under Advanced; it is sent only to the addresses you changed, never to the official servers.

Outputs: the cache folder, all files as one text separated by &apos;;&apos;, and the paths of the buurt scores CSV, the CBS GeoPackage and the WFS files when they were fetched.

Downloadt de open data van de Leefbaarometer en het CBS naar een lokale cachemap.</source>
        <translation>Downloadt de officiële open data waarmee de plugin werkt naar een lokale cachemap en pakt zip-bestanden daar uit: de Leefbaarometer 3.0-scores 2002-2024 (open-data-zip met de CSV's voor grid, buurt, wijk en gemeente), de Leefbaarometer-geometrie 2024 (zip), de CBS wijk- en buurtkaart 2024 (GeoPackage, via PDOK) en, voor één gemeente, de buurt- of gridscores uit de Leefbaarometer-WFS (GeoJSON).

Licenties: open data van de Leefbaarometer door het ministerie van BZK (Binnenlandse Zaken en Koninkrijksrelaties); CBS wijk- en buurtkaart door CBS/Kadaster, CC BY 4.0 (vermeld de bron bij publicatie).

Bestanden die al in de cache staan, worden gebruikt zonder nieuwe download (vink 'Opnieuw downloaden' aan om te verversen); een bestand verschijnt pas in de cache als het volledig is, en een beschadigde zip wordt verwijderd zodat de volgende uitvoering deze opnieuw ophaalt. De cache staat standaard in de QGIS-profielmap (vroegsignalering/cache). De WFS-datasets hebben de gemeentenaam nodig zoals de Leefbaarometer die schrijft (bijv. 's-Hertogenbosch).

Bestanden verhuizen tussen releases: bij de geavanceerde parameters zijn de basis-URL's aan te passen (de downloadmap van de Leefbaarometer, de CBS-map of het volledige adres van de GeoPackage, het WFS-adres), bijv. naar een mirror, evenals de time-out en het aantal nieuwe pogingen.

De downloads lopen via de netwerkinstellingen van QGIS, net als de eigen lagen van QGIS: de proxy (Instellingen &gt; Opties &gt; Netwerk), de certificaatautoriteiten en SSL-uitzonderingen (Instellingen &gt; Opties &gt; Authenticatie) en de netwerktime-out van QGIS. Adressen moeten https zijn; gewoon http wordt alleen gebruikt voor een server op deze computer (127.0.0.1, localhost) of als u 'Gewone http-adressen toestaan' aanvinkt bij de geavanceerde parameters. Een mirror die om een login vraagt, krijgt de authenticatieconfiguratie die u bij de geavanceerde parameters kiest; die wordt alleen naar de adressen gestuurd die u hebt aangepast, nooit naar de officiële servers.

Uitvoer: de cachemap, alle bestanden als één tekst gescheiden door ';', en de paden van de CSV met buurtscores, de CBS-GeoPackage en de WFS-bestanden als die zijn opgehaald.

Downloadt de open data van de Leefbaarometer en het CBS naar een lokale cachemap.</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="162"/>
        <source>Authentication configuration (for a mirror that asks for a login)</source>
        <translation>Authenticatieconfiguratie (voor een mirror die om een login vraagt)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="166"/>
        <source>Allow plain http addresses (unencrypted; e.g. a mirror inside your own network)</source>
        <translation>Gewone http-adressen toestaan (onversleuteld; bijv. een mirror binnen uw eigen netwerk)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="257"/>
        <source>The authentication configuration &apos;{}&apos; does not exist in this QGIS profile: choose one under Settings &gt; Options &gt; Authentication, or leave it empty.</source>
        <translation>De authenticatieconfiguratie '{}' bestaat niet in dit QGIS-profiel: kies er een onder Instellingen &gt; Opties &gt; Authenticatie, of laat het veld leeg.</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="262"/>
        <source>The authentication configuration is not used: it is sent only to addresses you set under Advanced, never to the official servers.</source>
        <translation>De authenticatieconfiguratie wordt niet gebruikt: die gaat alleen naar adressen die u bij de geavanceerde parameters opgeeft, nooit naar de officiële servers.</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="269"/>
        <source>Downloading through the proxy set in QGIS: {}:{}</source>
        <translation>Downloaden via de proxy die in QGIS is ingesteld: {}:{}</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="346"/>
        <source>Could not download {}: {} (tried once). Check the network connection (and the proxy under Settings &gt; Options &gt; Network) and try again later, or download the file by hand.</source>
        <translation>Kon {} niet downloaden: {} (één keer geprobeerd). Controleer de netwerkverbinding (en de proxy onder Instellingen &gt; Opties &gt; Netwerk) en probeer het later opnieuw, of download het bestand met de hand.</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="349"/>
        <source>Could not download {}: {} (tried {} times). Check the network connection (and the proxy under Settings &gt; Options &gt; Network) and try again later, or download the file by hand.</source>
        <translation>Kon {} niet downloaden: {} ({} keer geprobeerd). Controleer de netwerkverbinding (en de proxy onder Instellingen &gt; Opties &gt; Netwerk) en probeer het later opnieuw, of download het bestand met de hand.</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="357"/>
        <source>{} redirects to &apos;{}&apos;, which is not a web address (https://); nothing was downloaded from it.</source>
        <translation>{} verwijst door naar '{}', dat geen webadres is (https://); daarvandaan is niets gedownload.</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="359"/>
        <source>&apos;{}&apos; is not a web address (https://).</source>
        <translation>'{}' is geen webadres (https://).</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="361"/>
        <source>{} redirects to the plain http address {}: refused, downloads use https only so that the data cannot be altered on the way. Tick &apos;Allow plain http addresses&apos; under Advanced only for a server inside your own network.</source>
        <translation>{} verwijst door naar het gewone http-adres {}: geweigerd, downloads gebruiken alleen https zodat de gegevens onderweg niet kunnen worden veranderd. Vink 'Gewone http-adressen toestaan' bij de geavanceerde parameters alleen aan voor een server binnen uw eigen netwerk.</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="364"/>
        <source>&apos;{}&apos; is a plain http address: downloads use https only, so that the data cannot be altered on the way. Use the https address, or tick &apos;Allow plain http addresses&apos; under Advanced for a server inside your own network (a server on this computer, 127.0.0.1 or localhost, is always allowed).</source>
        <translation>'{}' is een gewoon http-adres: downloads gebruiken alleen https, zodat de gegevens onderweg niet kunnen worden veranderd. Gebruik het https-adres, of vink 'Gewone http-adressen toestaan' bij de geavanceerde parameters aan voor een server binnen uw eigen netwerk (een server op deze computer, 127.0.0.1 of localhost, mag altijd).</translation>
    </message>
</context>
<context>
    <name>EigenIndicator</name>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="27"/>
        <source>11 Own indicator (eigenindicator)</source>
        <translation>11 Eigen indicator (eigenindicator)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="47"/>
        <source>Own data (buurt polygons or points)</source>
        <translation>Eigen gegevens (buurtvlakken of punten)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="49"/>
        <source>Numeric field (empty for points = count them)</source>
        <translation>Numeriek veld (leeg bij punten = punten tellen)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="52"/>
        <source>Points per unit</source>
        <translation>Punten per eenheid</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="52"/>
        <source>count</source>
        <translation>aantal</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="52"/>
        <source>sum of the field</source>
        <translation>som van het veld</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="52"/>
        <source>mean of the field</source>
        <translation>gemiddelde van het veld</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="55"/>
        <source>Per 1,000 inhabitants</source>
        <translation>Per 1000 inwoners</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="57"/>
        <source>Absolute threshold (empty = use the percentile)</source>
        <translation>Absolute drempel (leeg = percentiel gebruiken)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="60"/>
        <source>Name (start of the output fields, lower case)</source>
        <translation>Naam (begin van de uitvoervelden, kleine letters)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="62"/>
        <source>Description in the explanation</source>
        <translation>Omschrijving in de toelichting</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="67"/>
        <source>Direction</source>
        <translation>Richting</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="67"/>
        <source>high is bad</source>
        <translation>hoog is slecht</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="67"/>
        <source>low is bad</source>
        <translation>laag is slecht</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="69"/>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="69"/>
        <source>median of the unit&apos;s gemeente</source>
        <translation>mediaan van de gemeente van de eenheid</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="69"/>
        <source>median of all units</source>
        <translation>mediaan van alle eenheden</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="73"/>
        <source>Percentile threshold</source>
        <translation>Percentieldrempel</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="30"/>
        <source>The instrument&apos;s second part is local data: any numeric field of a buurt polygon layer, or a point layer counted, summed or averaged per unit (e.g. nuisance reports, debt-counselling cases), becomes a mechanism of its own that joins the risk profile like the others.

Polygon layers are matched on code (grid cells take the value of their buurt); points go to the grid cell or buurt that contains them (points outside every unit are counted and reported). Optionally per 1,000 inhabitants (from aantal_inwoners of the buurt layer; a grid cell counts its share of its buurt&apos;s inhabitants, spread evenly over the buurt&apos;s cells).

Formula: direction &apos;high is bad&apos; or &apos;low is bad&apos;; reference: the median of the unit&apos;s gemeente, of all units, or a number; signal when the value is beyond the absolute threshold, or, without one, beyond the chosen percentile (default 80) in the bad direction. Score on the common scale: 0.5 at the threshold, 1 one interquartile range beyond it, 0 at the median of all units (the typical unit). The output fields start with the chosen name, so several own indicators can sit side by side in the profile.</source>
        <translation>Het tweede deel van het instrument bestaat uit lokale gegevens: elk numeriek veld van een laag met buurtvlakken, of een puntenlaag die per eenheid wordt geteld, opgeteld of gemiddeld (bijv. overlastmeldingen, schuldhulpverleningstrajecten), wordt een eigen mechanisme dat net als de andere in het risicoprofiel wordt opgenomen.

Vlakkenlagen worden gekoppeld op code (gridcellen nemen de waarde van hun buurt over); punten gaan naar de gridcel of buurt waarin ze liggen (punten buiten elke eenheid worden geteld en gemeld). Optioneel per 1000 inwoners (uit aantal_inwoners van de buurtlaag; een gridcel telt haar deel van de inwoners van haar buurt, gelijk verdeeld over de cellen van de buurt).

Formule: richting 'hoog is slecht' of 'laag is slecht'; referentie: de mediaan van de gemeente van de eenheid, van alle eenheden, of een getal; signaal wanneer de waarde voorbij de absolute drempel ligt, of, zonder absolute drempel, voorbij het gekozen percentiel (standaard 80) in de slechte richting. Score op de gemeenschappelijke schaal: 0,5 bij de drempel, 1 bij één interkwartielafstand daarvoorbij, 0 bij de mediaan van alle eenheden (de typische eenheid). De uitvoervelden beginnen met de gekozen naam, zodat meerdere eigen indicatoren naast elkaar in het profiel kunnen staan.</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="69"/>
        <source>a fixed number (below)</source>
        <translation>een vast getal (hieronder)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="72"/>
        <source>Fixed reference</source>
        <translation>Vaste referentie</translation>
    </message>
</context>
<context>
    <name>EigenIndicatorDialoog</name>
    <message>
        <location filename="../ui/eigen.py" line="46"/>
        <source>Add an own indicator</source>
        <translation>Eigen indicator toevoegen</translation>
    </message>
    <message>
        <location filename="../ui/eigen.py" line="49"/>
        <source>A figure of your own (nuisance reports, vacancy, a survey score) as one more mechanism: a field of a buurt layer, or points counted per buurt and per 100 m.</source>
        <translation>Een eigen kengetal (overlastmeldingen, leegstand, een enquêtescore) als extra mechanisme: een veld van een buurtlaag, of punten geteld per buurt en per 100 m.</translation>
    </message>
    <message>
        <location filename="../ui/eigen.py" line="57"/>
        <source>Layers (*.gpkg *.geojson *.shp *.csv);;All files (*)</source>
        <translation>Lagen (*.gpkg *.geojson *.shp *.csv);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../ui/eigen.py" line="62"/>
        <source>high is bad</source>
        <translation>hoog is slecht</translation>
    </message>
    <message>
        <location filename="../ui/eigen.py" line="63"/>
        <source>low is bad</source>
        <translation>laag is slecht</translation>
    </message>
    <message>
        <location filename="../ui/eigen.py" line="66"/>
        <source>count the points</source>
        <translation>tel de punten</translation>
    </message>
    <message>
        <location filename="../ui/eigen.py" line="66"/>
        <source>sum of the field</source>
        <translation>som van het veld</translation>
    </message>
    <message>
        <location filename="../ui/eigen.py" line="66"/>
        <source>mean of the field</source>
        <translation>gemiddelde van het veld</translation>
    </message>
    <message>
        <location filename="../ui/eigen.py" line="69"/>
        <source>per 1,000 inhabitants</source>
        <translation>per 1.000 inwoners</translation>
    </message>
    <message>
        <location filename="../ui/eigen.py" line="71"/>
        <source>meldingen overlast</source>
        <translation>meldingen overlast</translation>
    </message>
    <message>
        <location filename="../ui/eigen.py" line="72"/>
        <source>Name (lower case)</source>
        <translation>Naam (kleine letters)</translation>
    </message>
    <message>
        <location filename="../ui/eigen.py" line="73"/>
        <source>Layer</source>
        <translation>Laag</translation>
    </message>
    <message>
        <location filename="../ui/eigen.py" line="74"/>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <location filename="../ui/eigen.py" line="75"/>
        <source>Direction</source>
        <translation>Richting</translation>
    </message>
    <message>
        <location filename="../ui/eigen.py" line="76"/>
        <source>Points per unit</source>
        <translation>Punten per eenheid</translation>
    </message>
    <message>
        <location filename="../ui/eigen.py" line="78"/>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <location filename="../ui/eigen.py" line="113"/>
        <source>Name: lower-case letters, digits and _, starting with a letter.</source>
        <translation>Naam: kleine letters, cijfers en _, beginnend met een letter.</translation>
    </message>
    <message>
        <location filename="../ui/eigen.py" line="116"/>
        <source>Choose the layer.</source>
        <translation>Kies de laag.</translation>
    </message>
    <message>
        <location filename="../ui/eigen.py" line="119"/>
        <source>Choose the numeric field of the layer.</source>
        <translation>Kies het numerieke veld van de laag.</translation>
    </message>
</context>
<context>
    <name>GegevensTab</name>
    <message>
        <location filename="../ui/gegevens.py" line="158"/>
        <source>Load the sample (Lelystad)</source>
        <translation>Het voorbeeld laden (Lelystad)</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="161"/>
        <source>Fetch the official data…</source>
        <translation>De officiële gegevens ophalen…</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="163"/>
        <source>Downloads the Leefbaarometer scores 2002-2024 and the CBS wijk- en buurtkaart (the Processing tool &apos;Download open data&apos;); progress and cancel below.</source>
        <translation>Downloadt de Leefbaarometer-scores 2002-2024 en de CBS wijk- en buurtkaart (het Processing-gereedschap 'Open data downloaden'); voortgang en annuleren onder 3 Resultaten.</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="172"/>
        <source>Score tables (*.csv *.txt);;Layers (*.gpkg *.geojson *.shp);;All files (*)</source>
        <translation>Scoretabellen (*.csv *.txt);;Lagen (*.gpkg *.geojson *.shp);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="173"/>
        <source>Layers (*.gpkg *.geojson *.shp);;All files (*)</source>
        <translation>Lagen (*.gpkg *.geojson *.shp);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="174"/>
        <source>Tables (*.csv *.txt *.gpkg);;All files (*)</source>
        <translation>Tabellen (*.csv *.txt *.gpkg);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="179"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-bestanden (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="183"/>
        <source>Scores per buurt</source>
        <translation>Scores per buurt</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="183"/>
        <source>Scores per 100 m (optional)</source>
        <translation>Scores per 100 m (optioneel)</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="183"/>
        <source>Buurt polygons</source>
        <translation>Buurtgrenzen</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="183"/>
        <source>CBS kerncijfers (optional)</source>
        <translation>CBS-kerncijfers (optioneel)</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="183"/>
        <source>Demolitions (optional)</source>
        <translation>Sloop (optioneel)</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="196"/>
        <source>Analysis year</source>
        <translation>Analysejaar</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="198"/>
        <source>Add an own indicator…</source>
        <translation>Eigen indicator toevoegen…</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="200"/>
        <source>Your own figure (reports, vacancy, a survey) from a buurt layer or points, as one more mechanism</source>
        <translation>Een eigen kengetal (meldingen, leegstand, een enquête) uit een buurtlaag of punten, als extra mechanisme</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="211"/>
        <source>Search by name or code</source>
        <translation>Zoeken op naam of code</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="250"/>
        <source>the latest</source>
        <translation>het nieuwste</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="205"/>
        <source>Gemeenten (tick one or more; the national files may stay loaded: the gemeenten and 10 km around them are read, as the mechanisms look across the border)</source>
        <translation>Gemeenten (vink er één of meer aan; de landelijke bestanden mogen geladen blijven: de gemeenten en 10 km eromheen worden gelezen, want de mechanismen kijken over de gemeentegrens heen)</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="108"/>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="115"/>
        <source>No files</source>
        <translation>Geen bestanden</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="180"/>
        <source>Kerncijfers of other years: an analysis of an earlier year uses the latest figures up to it, not those of later years</source>
        <translation>Kerncijfers van andere jaren: een analyse van een eerder jaar gebruikt de laatste cijfers tot en met dat jaar, niet die van latere jaren</translation>
    </message>
    <message>
        <location filename="../ui/gegevens.py" line="183"/>
        <source>CBS kerncijfers of earlier years (optional)</source>
        <translation>CBS-kerncijfers van eerdere jaren (optioneel)</translation>
    </message>
</context>
<context>
    <name>ImportScores</name>
    <message>
        <location filename="../algorithms/importscores.py" line="30"/>
        <source>Import Leefbaarometer scores</source>
        <translation>Leefbaarometer-scores importeren</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="51"/>
        <source>Leefbaarometer scores (CSV, GeoPackage or layer)</source>
        <translation>Leefbaarometer-scores (CSV, GeoPackage of laag)</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="56"/>
        <source>Geometry (buurt/wijk/gemeente polygons or grid cells; optional for grid scores)</source>
        <translation>Geometrie (vlakken van buurten/wijken/gemeenten of gridcellen; optioneel bij gridscores)</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="64"/>
        <source>Code field of the geometry layer (detected when empty)</source>
        <translation>Codeveld van de geometrielaag (automatisch als leeg)</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="99"/>
        <source>Leefbaarometer scores</source>
        <translation>Leefbaarometer-scores</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="109"/>
        <source>{} areas at level {}, years {}</source>
        <translation>{} gebieden op niveau {}, jaren {}</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="143"/>
        <source>{} official classes differ from the computed ones, e.g. {}</source>
        <translation>{} officiële klassen wijken af van de berekende, bijvoorbeeld {}</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="191"/>
        <source>No geometry layer given: the output is a table without geometry.</source>
        <translation>Geen geometrielaag opgegeven: de uitvoer is een tabel zonder geometrie.</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="218"/>
        <source>{} of {} areas have no geometry in {} (field {}), e.g. {}</source>
        <translation>{} van {} gebieden hebben geen geometrie in {} (veld {}), bijvoorbeeld {}</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="225"/>
        <source>{} polygons in {} have no scores, e.g. {}</source>
        <translation>{} vlakken in {} hebben geen scores, bijvoorbeeld {}</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="33"/>
        <source>Reads Leefbaarometer 3.0 scores as published (grid, buurt, wijk or gemeente CSV with comma or semicolon, decimal point or comma, UTF-8 or Windows-1252; the official GeoPackages or WFS layers; or any layer with those fields) and writes one feature per area: code, naam, gemeente, the latest year&apos;s jaar, lbm, afw, the five dimensions and klasse (1..9), and the same per year (afw_2016, klasse_2016, ...).

Classes are computed on afw with the cut points of the Leefbaarometer release (2024 by default; override them under Advanced). Where the input carries official classes (kscore), disagreements are reported.

Geometry: grid cells get their exact 100 m square from grid_id; buurten, wijken and gemeenten take their polygons from the optional geometry layer (matched on code; unmatched codes are reported). With a buurt layer, grid cells also get the buurt that contains their centre (buurtcode, buurtnaam, gemeente); cells outside every buurt are counted and kept without a buurt. Output in EPSG:28992 (RD New).

A layer of one measurement without a year field (e.g. a WFS layer) needs the year.</source>
        <translation>Leest Leefbaarometer 3.0-scores zoals gepubliceerd (CSV voor grid, buurt, wijk of gemeente met komma of puntkomma als scheidingsteken, decimale punt of komma, UTF-8 of Windows-1252; de officiële GeoPackages of WFS-lagen; of elke laag met die velden) en schrijft één object per gebied: code, naam, gemeente, jaar (het meest recente meetjaar), lbm, afw, de vijf dimensies en klasse (1..9), en hetzelfde per jaar (afw_2016, klasse_2016, ...).

Klassen worden berekend op afw met de klassegrenzen van de Leefbaarometer-release (standaard 2024; aan te passen bij de geavanceerde parameters). Waar de invoer officiële klassen bevat (kscore), worden afwijkingen gemeld.

Geometrie: gridcellen krijgen hun exacte vierkant van 100 m uit grid_id; buurten, wijken en gemeenten krijgen hun vlakken uit de optionele geometrielaag (gekoppeld op code; niet-gekoppelde codes worden gemeld). Met een buurtlaag krijgen gridcellen ook de buurt waarin hun middelpunt ligt (buurtcode, buurtnaam, gemeente); cellen buiten elke buurt worden geteld en zonder buurt behouden. Uitvoer in EPSG:28992 (RD New).

Een laag met één meting zonder jaarveld (bijv. een WFS-laag) heeft het jaar nodig.</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="72"/>
        <source>Buurt polygons (optional; gives grid cells their buurt)</source>
        <translation>Buurtvlakken (optioneel; geeft gridcellen hun buurt)</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="80"/>
        <source>Buurt code field (detected when empty)</source>
        <translation>Buurtcodeveld (automatisch als leeg)</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="88"/>
        <source>Measurement year, for a table without a year field</source>
        <translation>Meetjaar, voor een tabel zonder jaarveld</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="166"/>
        <source>{} of {} grid cells lie in a buurt; {} lie outside every buurt and keep an empty buurtcode</source>
        <translation>{} van {} gridcellen liggen in een buurt; {} liggen buiten elke buurt en houden een lege buurtcode</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="172"/>
        <source>{} grid cells lie in more than one buurt (overlapping polygons); each went to the first</source>
        <translation>{} gridcellen liggen in meer dan één buurt (overlappende vlakken); elke cel is aan de eerste toegekend</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="190"/>
        <source>the buurt layer</source>
        <translation>de buurtlaag</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="202"/>
        <source>Geometry layer {}: no field holds the codes of the scores (e.g. {}); choose one under &apos;Code field&apos;.</source>
        <translation>Geometrielaag {}: geen enkel veld bevat de codes van de scores (bijv. {}); kies er een bij 'Codeveld van de geometrielaag'.</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="206"/>
        <source>Geometry matched on field {} of {}</source>
        <translation>Geometrie gekoppeld op veld {} van {}</translation>
    </message>
</context>
<context>
    <name>MechanismAlgorithm</name>
    <message>
        <location filename="../algorithms/mechanism.py" line="114"/>
        <source>Leefbaarometer scores (output of &apos;Import Leefbaarometer scores&apos;)</source>
        <translation>Leefbaarometer-scores (uitvoer van 'Leefbaarometer-scores importeren')</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="117"/>
        <source>Buurten with CBS context (optional)</source>
        <translation>Buurten met CBS-context (optioneel)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="119"/>
        <source>Buurt code field (detected when empty)</source>
        <translation>Buurtcodeveld (automatisch als leeg)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="122"/>
        <source>Analysis year (empty = the latest; only measurements up to it are used)</source>
        <translation>Analysejaar (leeg = het meest recente; alleen metingen tot en met dit jaar worden gebruikt)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="187"/>
        <source>{} works on {} units; {} holds {} units.</source>
        <translation>{} werkt op {} eenheden; {} bevat {} eenheden.</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="213"/>
        <source>{}: signal for {} of {} units in {}</source>
        <translation>{}: signaal voor {} van {} eenheden in {}</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="103"/>
        <source>the unit&apos;s gemeente</source>
        <translation>de gemeente van de eenheid</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="103"/>
        <source>all units in the input</source>
        <translation>alle eenheden in de invoer</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="107"/>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="105"/>
        <source>a fixed number (below)</source>
        <translation>een vast getal (hieronder)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="110"/>
        <source>Fixed reference</source>
        <translation>Vaste referentie</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="215"/>
        <source>{}: no unit got a score in {}; the lines above say why</source>
        <translation>{}: geen enkele eenheid kreeg een score in {}; de regels hierboven zeggen waarom</translation>
    </message>
</context>
<context>
    <name>MechanismenTab</name>
    <message>
        <location filename="../ui/mechanismen.py" line="64"/>
        <source>Switch mechanisms on or off and weigh them: the map follows at once. A threshold changes what a mechanism computes: run the analysis again.</source>
        <translation>Zet mechanismen aan of uit en geef ze een gewicht: de kaart volgt direct. Een drempel verandert wat een mechanisme berekent: voer de analyse dan opnieuw uit.</translation>
    </message>
    <message>
        <location filename="../ui/mechanismen.py" line="68"/>
        <source>Mechanisms</source>
        <translation>Mechanismen</translation>
    </message>
    <message>
        <location filename="../ui/mechanismen.py" line="72"/>
        <source>Mechanism</source>
        <translation>Mechanisme</translation>
    </message>
    <message>
        <location filename="../ui/mechanismen.py" line="72"/>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location filename="../ui/mechanismen.py" line="72"/>
        <source>Threshold</source>
        <translation>Drempel</translation>
    </message>
    <message>
        <location filename="../ui/mechanismen.py" line="88"/>
        <source>Risk class from</source>
        <translation>Risicoklasse op basis van</translation>
    </message>
    <message>
        <location filename="../ui/mechanismen.py" line="93"/>
        <source>the riskiest 2 % and 8 % of the target group</source>
        <translation>de riskantste 2 % en 8 % van de doelgroep</translation>
    </message>
    <message>
        <location filename="../ui/mechanismen.py" line="93"/>
        <source>the risk score (0.5 and 0.4)</source>
        <translation>de risicoscore (0,5 en 0,4)</translation>
    </message>
    <message>
        <location filename="../ui/mechanismen.py" line="93"/>
        <source>the number of signals (4 and 2 of 10, scaled)</source>
        <translation>het aantal signalen (4 en 2 van 10, omgerekend)</translation>
    </message>
    <message>
        <location filename="../ui/mechanismen.py" line="103"/>
        <source>More settings, one per line, e.g. ontwikkeling.periode = 8 (see docs/methode.md)</source>
        <translation>Meer instellingen, één per regel, bijv. ontwikkeling.periode = 8 (zie docs/methode.md)</translation>
    </message>
    <message>
        <location filename="../ui/mechanismen.py" line="149"/>
        <source>More settings</source>
        <translation>Meer instellingen</translation>
    </message>
    <message>
        <location filename="../ui/mechanismen.py" line="114"/>
        <source>Defaults</source>
        <translation>Standaard</translation>
    </message>
    <message>
        <location filename="../ui/mechanismen.py" line="198"/>
        <source>Own indicator: {}</source>
        <translation>Eigen indicator: {}</translation>
    </message>
    <message>
        <location filename="../ui/mechanismen.py" line="202"/>
        <source>percentile in the bad direction</source>
        <translation>percentiel in de slechte richting</translation>
    </message>
</context>
<context>
    <name>NieuwbouwElders</name>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="10"/>
        <source>8 New construction elsewhere (nieuwbouwelders)</source>
        <translation>8 Nieuwbouw elders (nieuwbouwelders)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="32"/>
        <source>Radius (m)</source>
        <translation>Straal (m)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="13"/>
        <source>What: the building pace of the surroundings: dwellings built in the last ten years in the other buurten within the radius (default 10 km, nearer buurten weighing more), as a percentage of their dwelling stock, compared with a reference pace (default 8 %: the national pace of 2014-2023; or the gemeente&apos;s or all loaded units&apos; pace), and the buurt&apos;s own share of new construction, from the CBS context of the buurt layer (aantal_woningen_bouwjaar_afgelopen_tien_jaar, or BouwjaarAfgelopenTienJaar as a percentage of aantal_woningen). It measures the pull of new build on the region&apos;s households and does not depend on the buurt&apos;s own size.

Why: attractive new-build areas in the gemeente or region draw the households that can choose; an older buurt nearby loses them and takes in those with fewer options.

Formula: signal when the surroundings build at least 4 percentage points faster than the reference and the buurt&apos;s own new-build share is at most 5 %. Score (0.5 at the threshold): the smaller of the pace part (1 at 8 points ahead, 0 at the reference pace) and the own-share part (1 without own new build, 0 at 10 %). Buurten with fewer than 100 dwellings (business parks, rural) are not judged. Without new-build data the mechanism stops with a message.</source>
        <translation>Wat: het bouwtempo van de omgeving: woningen gebouwd in de afgelopen tien jaar in de andere buurten binnen de straal (standaard 10 km, dichterbij gelegen buurten wegen zwaarder), als percentage van hun woningvoorraad, vergeleken met een referentietempo (standaard 8 %: het landelijke tempo van 2014-2023; of het tempo van de gemeente of van alle geladen eenheden), en het eigen aandeel nieuwbouw van de buurt, uit de CBS-context van de buurtlaag (aantal_woningen_bouwjaar_afgelopen_tien_jaar, of BouwjaarAfgelopenTienJaar als percentage van aantal_woningen). Het meet de aantrekkingskracht van nieuwbouw op de huishoudens in de regio en hangt niet af van de omvang van de buurt zelf.

Waarom: aantrekkelijke nieuwbouwgebieden in de gemeente of regio trekken de huishoudens die kunnen kiezen; een oudere buurt dichtbij verliest hen en neemt huishoudens met minder keuzemogelijkheden op.

Formule: signaal wanneer de omgeving ten minste 4 procentpunten sneller bouwt dan de referentie en het eigen aandeel nieuwbouw van de buurt ten hoogste 5 % is. Score (0,5 bij de drempel): de kleinste van het deel voor het tempo (1 bij 8 procentpunten voorsprong, 0 bij het referentietempo) en het deel voor het eigen aandeel (1 zonder eigen nieuwbouw, 0 bij 10 %). Buurten met minder dan 100 woningen (bedrijventerreinen, landelijk gebied) worden niet beoordeeld. Zonder nieuwbouwgegevens stopt het mechanisme met een melding.</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="33"/>
        <source>Reference pace</source>
        <translation>Referentietempo</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="33"/>
        <source>Fixed reference pace (% of the stock built in ten years)</source>
        <translation>Vast referentietempo (% van de voorraad gebouwd in tien jaar)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="35"/>
        <source>Surroundings build faster than the reference by at least (percentage points)</source>
        <translation>Omgeving bouwt sneller dan de referentie met ten minste (procentpunten)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="37"/>
        <source>Own new-build share at most (%)</source>
        <translation>Eigen aandeel nieuwbouw ten hoogste (%)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="38"/>
        <source>Judge buurten with at least this many dwellings</source>
        <translation>Buurten beoordelen vanaf dit aantal woningen</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="40"/>
        <source>Weighting within the radius</source>
        <translation>Weging binnen de straal</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="40"/>
        <source>nearer buurten weigh more</source>
        <translation>dichterbij gelegen buurten wegen zwaarder</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="40"/>
        <source>all equally</source>
        <translation>alle even zwaar</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="43"/>
        <source>(no longer used)</source>
        <translation>(niet meer gebruikt)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="48"/>
        <source>PERCENTIEL is no longer used: the mechanism compares the building pace of the surroundings with a reference (REFERENTIE, DREMPEL).</source>
        <translation>PERCENTIEL wordt niet meer gebruikt: het mechanisme vergelijkt het bouwtempo van de omgeving met een referentie (REFERENTIE, DREMPEL).</translation>
    </message>
</context>
<context>
    <name>Omslagzone</name>
    <message>
        <location filename="../algorithms/mechanismen/omslagzone.py" line="10"/>
        <source>2 Tipping zone (omslagzone)</source>
        <translation>2 Dicht bij de omslag (omslagzone)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/omslagzone.py" line="30"/>
        <source>Distance threshold (afw points)</source>
        <translation>Afstandsdrempel (afw-punten)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/omslagzone.py" line="31"/>
        <source>Threshold in typical moves</source>
        <translation>Drempel in typische veranderingen</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/omslagzone.py" line="13"/>
        <source>What: how far the unit's score (afw) lies above the lower bound of class 5 'voldoende' (-0.16405 in the 2024 release), in score points and in typical moves: the distance divided by the unit's typical move over one measurement interval (default 2 years): the root mean square of its yearly rate of change between measurements up to the analysis year, times the interval (units with fewer than two changes take the median of their gemeente). The long early gaps (2002-2008, 2008-2012) count per year, not as single large moves.

Why: in the tipping zone small changes have large effects; a unit one ordinary move away from 'zwak' can slide there at the next measurement.

Formula: signal when distance ≤ distance threshold (default 0.0392, half a class step) or typical moves ≤ moves threshold (default 2). Score (0.5 at each threshold): the larger of the two parts, 1 on the boundary itself, 0 at twice the threshold. Units already 'zwak' or lower keep their numbers but get no score and no signal: they are outside the target group.</source>
        <translation>Wat: hoe ver de score (afw) van de eenheid boven de ondergrens van klasse 5 'voldoende' ligt (-0,16405 in de release van 2024), in scorepunten en in typische veranderingen: de afstand gedeeld door de typische verandering van de eenheid over één meetinterval (standaard 2 jaar): het kwadratisch gemiddelde van haar jaarlijkse veranderingssnelheid tussen metingen tot en met het analysejaar, maal het interval (eenheden met minder dan twee veranderingen nemen de mediaan van hun gemeente). De lange vroege tussenpozen (2002-2008, 2008-2012) tellen per jaar, niet als losse grote veranderingen.

Waarom: in de omslagzone hebben kleine veranderingen grote gevolgen; een eenheid die één gewone verandering van 'zwak' verwijderd is, kan bij de volgende meting daarin wegglijden.

Formule: signaal wanneer afstand ≤ afstandsdrempel (standaard 0,0392, een halve klassenstap) of typische veranderingen ≤ drempel in veranderingen (standaard 2). Score (0,5 bij elke drempel): de grootste van de twee delen, 1 op de grens zelf, 0 bij tweemaal de drempel. Eenheden die al 'zwak' of lager zijn, behouden hun cijfers maar krijgen geen score en geen signaal: ze vallen buiten de doelgroep.</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/omslagzone.py" line="32"/>
        <source>A typical move spans this many years</source>
        <translation>Een typische verandering beslaat dit aantal jaren</translation>
    </message>
</context>
<context>
    <name>Ontwikkeling</name>
    <message>
        <location filename="../algorithms/mechanismen/ontwikkeling.py" line="10"/>
        <source>1 Trend (ontwikkeling)</source>
        <translation>1 Trend (ontwikkeling)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/ontwikkeling.py" line="31"/>
        <source>Period in years</source>
        <translation>Periode in jaren</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/ontwikkeling.py" line="33"/>
        <source>Threshold: falling behind by at least</source>
        <translation>Drempel: achterstand van ten minste</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/ontwikkeling.py" line="13"/>
        <source>What: the change of the Leefbaarometer deviation score (afw) since the measurement 'period' years before the analysis year, compared with the mean change of the units of the same gemeente (or of all units in the input, or a fixed number). Also reported: the least-squares slope per year over all measurements up to the analysis year.

Why: decline is gradual. A unit that loses ground against the rest of its gemeente over several measurements is on its way down well before it crosses a class boundary.

Formula: achterstand = change − reference change. Signal when achterstand ≤ −threshold (default 0.0392, half a class step: the smallest change the classes resolve), or, with a percentile, when the unit is among the lowest p % of its peers. Score (0.5 at the threshold): 1 a full class step (twice the threshold) behind, 0 when keeping pace; with a percentile, at least 0.5 at it and 1 for the lowest unit.

Default period 6 years (three measurements): long enough to see past the noise of one measurement, short enough to be recent. Only measurements up to the analysis year are used.</source>
        <translation>Wat: de verandering van de afwijkingsscore (afw) van de Leefbaarometer sinds de meting 'periode' jaar vóór het analysejaar, vergeleken met de gemiddelde verandering van de eenheden in dezelfde gemeente (of van alle eenheden in de invoer, of een vast getal). Ook gerapporteerd: de helling per jaar volgens de kleinste-kwadratenmethode over alle metingen tot en met het analysejaar.

Waarom: achteruitgang gaat geleidelijk. Een eenheid die over meerdere metingen terrein verliest ten opzichte van de rest van haar gemeente, is al ruim op weg naar beneden voordat ze een klassegrens passeert.

Formule: achterstand = verandering − referentieverandering. Signaal wanneer achterstand ≤ −drempel (standaard 0,0392, een halve klassenstap: de kleinste verandering die de klassen onderscheiden), of, met een percentiel, wanneer de eenheid tot de laagste p % van haar vergelijkingsgroep behoort. Score (0,5 bij de drempel): 1 bij een achterstand van een volle klassenstap (tweemaal de drempel), 0 bij gelijke tred; met een percentiel ten minste 0,5 bij dat percentiel en 1 voor de laagste eenheid.

Standaardperiode 6 jaar (drie metingen): lang genoeg om door de ruis van één meting heen te kijken, kort genoeg om recent te zijn. Alleen metingen tot en met het analysejaar worden gebruikt.</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/ontwikkeling.py" line="32"/>
        <source>Fixed reference change (e.g. the national change)</source>
        <translation>Vaste referentieverandering (bijv. de landelijke verandering)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/ontwikkeling.py" line="34"/>
        <source>Or among the lowest p % of the reference (empty = not)</source>
        <translation>Of bij de laagste p % van de referentie (leeg = niet gebruiken)</translation>
    </message>
</context>
<context>
    <name>ProfielParameters</name>
    <message>
        <location filename="../algorithms/profielparameters.py" line="33"/>
        <source>Weights (e.g. ontwikkeling=2, omslagzone=1; missing = 1; 0 switches off)</source>
        <translation>Gewichten (bijv. ontwikkeling=2, omslagzone=1; ontbrekend = 1; 0 schakelt uit)</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="36"/>
        <source>Risk class from</source>
        <translation>Risicoklasse op basis van</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="36"/>
        <source>the number of signals</source>
        <translation>het aantal signalen</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="36"/>
        <source>the weighted score</source>
        <translation>de gewogen score</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="41"/>
        <source>&apos;verhoogd risico&apos; from this many signals</source>
        <translation>'verhoogd risico' vanaf dit aantal signalen</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="44"/>
        <source>&apos;sterk verhoogd risico&apos; from this many signals</source>
        <translation>'sterk verhoogd risico' vanaf dit aantal signalen</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="50"/>
        <source>&apos;verhoogd risico&apos; from this weighted score</source>
        <translation>'verhoogd risico' vanaf deze gewogen score</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="53"/>
        <source>&apos;sterk verhoogd risico&apos; from this weighted score</source>
        <translation>'sterk verhoogd risico' vanaf deze gewogen score</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="47"/>
        <source>... out of this many mechanisms (scaled to those known for a unit)</source>
        <translation>... van dit aantal mechanismen (omgerekend naar de mechanismen die voor een eenheid bekend zijn)</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="56"/>
        <source>No risk class with fewer known mechanisms than</source>
        <translation>Geen risicoklasse bij minder dan dit aantal bekende mechanismen</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="61"/>
        <source>&apos;potentieel kwetsbaar&apos; from this share of elevated cells</source>
        <translation>'potentieel kwetsbaar' vanaf dit aandeel cellen met verhoogd risico</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="71"/>
        <source>Settings (one per line: mechanism.key = value, e.g. ontwikkeling.drempel = 0,05)</source>
        <translation>Instellingen (één per regel: mechanisme.sleutel = waarde, bijv. ontwikkeling.drempel = 0,05)</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="74"/>
        <source>Settings file (the same format; the settings text is applied after it)</source>
        <translation>Instellingenbestand (hetzelfde formaat; de instellingentekst wordt daarna toegepast)</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="74"/>
        <source>Settings (*.txt *.ini *.cfg);;All files (*)</source>
        <translation>Instellingen (*.txt *.ini *.cfg);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="36"/>
        <source>a share of the target group (the highest scores; shares in the settings)</source>
        <translation>een aandeel van de doelgroep (de hoogste scores; aandelen in de instellingen)</translation>
    </message>
</context>
<context>
    <name>Rapport</name>
    <message>
        <location filename="../algorithms/rapport.py" line="45"/>
        <source>Council report (PDF)</source>
        <translation>Raadsrapport (PDF)</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="48"/>
        <source>A PDF report a council member can read alone: a title page, a summary in plain language, an overview map of the risk per buurt, a table of the buurten at elevated risk, one page per such buurt (its 100 m sub-areas, its factors, its score over the years and the local interpretation written in the panel) and the method with the backtest figures.

It is built from a print layout template (.qpt; the plugin&apos;s own in Dutch or English, or a gemeente&apos;s house-style template with the same item ids, see docs/rapport.md). Give a layout name to keep the report in the project&apos;s layout manager, where it can be edited and exported again.

Input: the buurt risk profile of &apos;Complete analysis&apos; (and optionally its 100 m profile), a backtest table, the CBS kerncijfers for the number of residents, the CBS wijken layer for wijk names, and the settings text the analysis ran with (for the thresholds in the method section).</source>
        <translation>Een PDF-rapport dat een raadslid zelfstandig kan lezen: een titelpagina, een samenvatting in gewone taal, een overzichtskaart van het risico per buurt, een tabel van de buurten met een verhoogd risico, één pagina per zo'n buurt (de deelgebieden van 100 m, de factoren, de score door de jaren heen en de lokale duiding uit het paneel) en de methode met de cijfers van de terugtoets.

Het rapport wordt gemaakt uit een sjabloon voor een afdrukopmaak (.qpt; het eigen sjabloon van de plug-in in het Nederlands of Engels, of een huisstijlsjabloon van de gemeente met dezelfde item-id's, zie docs/rapport.md). Geef een naam voor de opmaak om het rapport in het opmaakbeheer van het project te bewaren, waar het kan worden aangepast en opnieuw geëxporteerd.

Invoer: het risicoprofiel per buurt van 'Volledige analyse' (en desgewenst het profiel per 100 m), een tabel van de terugtoets, de CBS-kerncijfers voor het aantal inwoners, de CBS-laag wijken voor de wijknamen, en de instellingentekst waarmee de analyse draaide (voor de drempels in het methodedeel).</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="64"/>
        <source>Risk profile per buurt</source>
        <translation>Risicoprofiel per buurt</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="66"/>
        <source>Risk profile per 100 m (optional)</source>
        <translation>Risicoprofiel per 100 m (optioneel)</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="68"/>
        <source>Backtest table (optional)</source>
        <translation>Tabel van de terugtoets (optioneel)</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="70"/>
        <source>Title (optional)</source>
        <translation>Titel (optioneel)</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="71"/>
        <source>CBS kerncijfers table for the residents (CSV, optional)</source>
        <translation>CBS-kerncijfers voor het aantal inwoners (CSV, optioneel)</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="71"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-bestanden (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="74"/>
        <source>Wijken with wijkcode and wijknaam, for the wijk names (optional)</source>
        <translation>Wijken met wijkcode en wijknaam, voor de wijknamen (optioneel)</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="77"/>
        <source>Settings the analysis ran with (optional)</source>
        <translation>Instellingen waarmee de analyse draaide (optioneel)</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="79"/>
        <source>The history is simulated (an example such as the embedded sample)</source>
        <translation>De geschiedenis is gesimuleerd (een voorbeeld zoals de meegeleverde voorbeelddata)</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="83"/>
        <source>Layout template (.qpt; empty = the plugin&apos;s own)</source>
        <translation>Sjabloon voor de opmaak (.qpt; leeg = dat van de plug-in)</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="83"/>
        <source>Layout templates (*.qpt)</source>
        <translation>Opmaaksjablonen (*.qpt)</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="86"/>
        <source>Keep as layout in the project under this name (empty = do not keep)</source>
        <translation>Bewaar als opmaak in het project onder deze naam (leeg = niet bewaren)</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="89"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="89"/>
        <source>as QGIS</source>
        <translation>zoals QGIS</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="100"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="100"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="110"/>
        <source>Choose the risk profile per buurt (the output of &apos;Complete analysis&apos;).</source>
        <translation>Kies het risicoprofiel per buurt (de uitvoer van 'Volledige analyse').</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="113"/>
        <source>{} is no buurt risk profile: it has no field {}. Use the buurt output of &apos;Complete analysis&apos;.</source>
        <translation>{} is geen risicoprofiel per buurt: het veld {} ontbreekt. Gebruik de buurtuitvoer van 'Volledige analyse'.</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="139"/>
        <source>{}: {} pages, {} buurten at elevated risk</source>
        <translation>{}: {} pagina's, {} buurten met een verhoogd risico</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="163"/>
        <source>The CBS table has no AantalInwoners column: the report leaves the number of residents out.</source>
        <translation>De CBS-tabel heeft geen kolom AantalInwoners: het rapport laat het aantal inwoners weg.</translation>
    </message>
    <message>
        <location filename="../algorithms/rapport.py" line="92"/>
        <source>At most this many buurt pages, for the riskiest (the table lists them all; 0 = none)</source>
        <translation>Hoogstens zoveel buurtpagina's, voor de buurten met het hoogste risico (de tabel noemt ze allemaal; 0 = geen)</translation>
    </message>
</context>
<context>
    <name>Risicoprofiel</name>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="27"/>
        <source>Risk profile from mechanism layers</source>
        <translation>Risicoprofiel uit mechanismelagen</translation>
    </message>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="52"/>
        <source>Mechanism layers (outputs of the mechanism algorithms, one level)</source>
        <translation>Mechanismelagen (uitvoer van de mechanismealgoritmen, één niveau)</translation>
    </message>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="55"/>
        <source>Grid risk profile (for the buurt share of elevated cells; optional)</source>
        <translation>Risicoprofiel van het grid (voor het aandeel cellen met verhoogd risico per buurt; optioneel)</translation>
    </message>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="58"/>
        <source>&apos;potentieel kwetsbaar&apos; from this share of elevated cells</source>
        <translation>'potentieel kwetsbaar' vanaf dit aandeel cellen met verhoogd risico</translation>
    </message>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="62"/>
        <source>Risk profile</source>
        <translation>Risicoprofiel</translation>
    </message>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="74"/>
        <source>Choose at least one mechanism layer.</source>
        <translation>Kies ten minste één mechanismelaag.</translation>
    </message>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="79"/>
        <source>{} is not an output of a mechanism algorithm (no code, *_score and *_signaal fields).</source>
        <translation>{} is geen uitvoer van een mechanismealgoritme (geen velden code, *_score en *_signaal).</translation>
    </message>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="99"/>
        <source>{} is not a grid risk profile with buurtcode.</source>
        <translation>{} is geen risicoprofiel van het grid met buurtcode.</translation>
    </message>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="109"/>
        <source>{} units, mechanisms: {}</source>
        <translation>{} eenheden, mechanismen: {}</translation>
    </message>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="30"/>
        <source>Every mechanism scores on the same scale: 0.5 means it is exactly at its own signal threshold, 1 far beyond it and 0 well clear of it. So the risk score, the weighted mean of a unit&apos;s known mechanism scores, reads the same way: at 0.5 the known mechanisms are on average at their thresholds.

Combines the outputs of the mechanism algorithms (of one level: buurten or grid cells, matched on code) into the risk profile: the target group (&apos;voldoende&apos; or better in the analysis year), the number of signals and of known mechanisms, the weighted score (weights normalised over the mechanisms with a known score; 0 switches a mechanism off; a mechanism without data for a unit is left out, never counted as &apos;no signal&apos;), the risk class 0 &apos;geen verhoogd risico&apos; / 1 &apos;verhoogd risico&apos; / 2 &apos;sterk verhoogd risico&apos; (by default the riskiest 2 % of the target group are &apos;sterk verhoogd&apos; and the next up to 8 % &apos;verhoogd&apos;; or by the score, from 0.4 and 0.5; or by the number of signals, 2 and 4 of the 10 mechanisms, scaled to those known), the label &apos;al zwak of lager&apos; outside the target group, &apos;onbekend&apos; with fewer than 3 known mechanisms, and up to three leading factors in plain Dutch with their numbers. One figure counts once: the WOZ value drives only concurrentiepositie and is a condition elsewhere.

For buurten, give the grid profile (an output of this algorithm on grid mechanisms) to add the share of each buurt&apos;s target cells at elevated risk; &apos;potentieel_kwetsbaar&apos; marks target buurten with elevated risk or at least the threshold share of elevated cells (the 2024 instrument&apos;s first step). The profile only combines stored scores, so changing weights or rules re-runs in a moment.</source>
        <translation>Elk mechanisme scoort op dezelfde schaal: 0,5 betekent dat het precies op zijn eigen signaaldrempel zit, 1 ver daarvoorbij en 0 er ruim vandaan. Daardoor is de risicoscore, het gewogen gemiddelde van de bekende mechanismescores van een eenheid, op dezelfde manier te lezen: bij 0,5 zitten de bekende mechanismen gemiddeld op hun drempel.

Combineert de uitvoer van de mechanismealgoritmen (van één niveau: buurten of gridcellen, gekoppeld op code) tot het risicoprofiel: de doelgroep ('voldoende' of beter in het analysejaar), het aantal signalen en het aantal bekende mechanismen, de gewogen score (gewichten genormaliseerd over de mechanismen met een bekende score; 0 schakelt een mechanisme uit; een mechanisme zonder gegevens voor een eenheid wordt weggelaten, nooit geteld als 'geen signaal'), de risicoklasse 0 'geen verhoogd risico' / 1 'verhoogd risico' / 2 'sterk verhoogd risico' (standaard zijn de riskantste 2 % van de doelgroep 'sterk verhoogd' en de volgende tot 8 % 'verhoogd'; of op basis van de score, vanaf 0,4 en 0,5; of van het aantal signalen, 2 en 4 van de 10 mechanismen, omgerekend naar de bekende), het label 'al zwak of lager' buiten de doelgroep, 'onbekend' bij minder dan 3 bekende mechanismen, en maximaal drie belangrijkste factoren in begrijpelijk Nederlands met hun cijfers. Eén kengetal telt één keer: de WOZ-waarde bepaalt alleen concurrentiepositie en is elders een voorwaarde.

Geef voor buurten het gridprofiel op (een uitvoer van dit algoritme op gridmechanismen) om per buurt het aandeel doelgroepcellen met verhoogd risico toe te voegen; 'potentieel_kwetsbaar' markeert doelgroepbuurten met verhoogd risico of met ten minste het drempelaandeel cellen met verhoogd risico (de eerste stap van het instrument uit 2024). Het profiel combineert alleen opgeslagen scores, dus na een wijziging van gewichten of regels is het opnieuw uitvoeren in een oogwenk klaar.</translation>
    </message>
</context>
<context>
    <name>SloopElders</name>
    <message>
        <location filename="../algorithms/mechanismen/sloopelders.py" line="15"/>
        <source>9 Demolition elsewhere (sloopelders)</source>
        <translation>9 Sloop elders (sloopelders)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/sloopelders.py" line="35"/>
        <source>Demolished dwellings (table or layer: buurtcode, jaar, gesloopte_woningen)</source>
        <translation>Gesloopte woningen (tabel of laag: buurtcode, jaar, gesloopte_woningen)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/sloopelders.py" line="41"/>
        <source>Radius (m)</source>
        <translation>Straal (m)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/sloopelders.py" line="42"/>
        <source>Period in years</source>
        <translation>Periode in jaren</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/sloopelders.py" line="43"/>
        <source>Threshold (demolished dwellings)</source>
        <translation>Drempel (gesloopte woningen)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/sloopelders.py" line="44"/>
        <source>Reference for the WOZ value</source>
        <translation>Referentie voor de WOZ-waarde</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/sloopelders.py" line="18"/>
        <source>What: dwellings demolished in the period before the analysis year (default 6 years) in the other buurten within the radius (default 5 km), weighted by distance (linear decay to 0 at the radius). Demolition data come from you: a table or layer with buurtcode, jaar and gesloopte_woningen (from the BAG, &apos;Pand gesloopt&apos;, or your own records).

Why: when less attractive complexes are demolished, their households move, often to the affordable buurten nearby, which changes those buurten quickly.

Formula: signal when at least the threshold (default 50 dwellings, about one complex) was demolished around the buurt and its WOZ value is at or below the median of the reference. Demolition drives the signal, the WOZ value is only its condition. Score (0.5 at the thresholds): the smaller of the demolition part (1 at twice the threshold) and the affordability part (1 at two thirds of the reference WOZ, 0 at four thirds). Without demolition data the mechanism stops with a message; rows whose buurt is unknown are counted and reported.</source>
        <translation>Wat: woningen gesloopt in de periode vóór het analysejaar (standaard 6 jaar) in de andere buurten binnen de straal (standaard 5 km), gewogen naar afstand (lineair aflopend tot 0 bij de straal). De sloopgegevens moeten zelf worden aangeleverd: een tabel of laag met buurtcode, jaar en gesloopte_woningen (uit de BAG, 'Pand gesloopt', of uit een eigen registratie).

Waarom: als minder aantrekkelijke complexen worden gesloopt, verhuizen hun huishoudens, vaak naar de betaalbare buurten in de omgeving, waardoor die buurten snel veranderen.

Formule: signaal wanneer rond de buurt ten minste de drempel (standaard 50 woningen, ongeveer één complex) is gesloopt en de WOZ-waarde van de buurt op of onder de mediaan van de referentie ligt. De sloop bepaalt het signaal, de WOZ-waarde is alleen de voorwaarde. Score (0,5 bij de drempels): de kleinste van het deel voor de sloop (1 bij tweemaal de drempel) en het deel voor de betaalbaarheid (1 bij twee derde van de referentie-WOZ, 0 bij vier derde). Zonder sloopgegevens stopt het mechanisme met een melding; rijen waarvan de buurt onbekend is, worden geteld en gemeld.</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/sloopelders.py" line="44"/>
        <source>Fixed WOZ reference (thousand euros)</source>
        <translation>Vaste WOZ-referentie (duizend euro)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/sloopelders.py" line="46"/>
        <source>Weighting within the radius</source>
        <translation>Weging binnen de straal</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/sloopelders.py" line="46"/>
        <source>nearer buurten weigh more</source>
        <translation>dichterbij gelegen buurten wegen zwaarder</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/sloopelders.py" line="46"/>
        <source>all equally</source>
        <translation>alle even zwaar</translation>
    </message>
</context>
<context>
    <name>Uitstraling</name>
    <message>
        <location filename="../algorithms/mechanismen/uitstraling.py" line="11"/>
        <source>5 Spill-over (uitstraling)</source>
        <translation>5 Uitstraling van de omgeving (uitstraling)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/uitstraling.py" line="29"/>
        <source>Radius for grid cells (m)</source>
        <translation>Straal voor gridcellen (m)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/uitstraling.py" line="30"/>
        <source>Radius for buurten without polygons (m)</source>
        <translation>Straal voor buurten zonder vlakken (m)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/uitstraling.py" line="32"/>
        <source>Threshold: share of the surroundings (0..1)</source>
        <translation>Drempel: aandeel van de omgeving (0..1)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/uitstraling.py" line="33"/>
        <source>Period in years</source>
        <translation>Periode in jaren</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/uitstraling.py" line="14"/>
        <source>What: the share of the surroundings that is 'zwak' or lower in the analysis year, and the share that fell by at least half a class step (0.0392) over the period (default 6 years). Grid cells: the scored cells whose centre lies within the radius (default 300 m), the cell itself not counted. Buurten: the neighbouring buurten whose polygons touch (within 1 m, for simplified boundaries); without polygons, the buurten whose centre lies within the buurt radius (default 1000 m).

Why: decline spreads: nuisance, vacancy and reputation do not stop at a buurt boundary.

Formula: signal when either share ≥ threshold (default 0.25). Score (0.5 at the threshold): 1 when half of the surroundings is weak or declining, 0 with none. Units already 'zwak' or lower keep their numbers but get no score (the mechanism is about a unit that may follow its surroundings); units without scored surroundings get no score.</source>
        <translation>Wat: het aandeel van de omgeving dat in het analysejaar 'zwak' of lager is, en het aandeel dat over de periode (standaard 6 jaar) met ten minste een halve klassenstap (0,0392) is gedaald. Gridcellen: de cellen met score waarvan het middelpunt binnen de straal ligt (standaard 300 m), de cel zelf niet meegeteld. Buurten: de aangrenzende buurten waarvan de vlakken raken (binnen 1 m, vanwege vereenvoudigde grenzen); zonder vlakken de buurten waarvan het middelpunt binnen de buurtstraal ligt (standaard 1000 m).

Waarom: achteruitgang verspreidt zich: overlast, leegstand en reputatie houden niet op bij een buurtgrens.

Formule: signaal wanneer een van beide aandelen ≥ drempel (standaard 0,25). Score (0,5 bij de drempel): 1 wanneer de helft van de omgeving zwak is of daalt, 0 wanneer niets in de omgeving dat doet. Eenheden die al 'zwak' of lager zijn, behouden hun cijfers maar krijgen geen score (het mechanisme gaat over een eenheid die haar omgeving kan volgen); eenheden zonder omgeving met score krijgen geen score.</translation>
    </message>
</context>
<context>
    <name>Voorspelmodel</name>
    <message>
        <location filename="../algorithms/voorspelmodel.py" line="26"/>
        <source>Early-warning model (logistic regression)</source>
        <translation>Vroegsignaleringsmodel (logistische regressie)</translation>
    </message>
    <message>
        <location filename="../algorithms/voorspelmodel.py" line="46"/>
        <source>Test year (the model learns only from transitions that ended by then)</source>
        <translation>Toetsjaar (het model leert alleen van overgangen die dan al afgelopen waren)</translation>
    </message>
    <message>
        <location filename="../algorithms/voorspelmodel.py" line="49"/>
        <source>Outcome year of the test (empty = the latest)</source>
        <translation>Uitkomstjaar van de toets (leeg = het laatste)</translation>
    </message>
    <message>
        <location filename="../algorithms/voorspelmodel.py" line="52"/>
        <source>Horizon of the training transitions in years (empty = as the test)</source>
        <translation>Horizon van de trainingsovergangen in jaren (leeg = als de toets)</translation>
    </message>
    <message>
        <location filename="../algorithms/voorspelmodel.py" line="56"/>
        <source>L2 penalty</source>
        <translation>L2-straf</translation>
    </message>
    <message>
        <location filename="../algorithms/voorspelmodel.py" line="67"/>
        <source>Model probabilities</source>
        <translation>Kansen volgens het model</translation>
    </message>
    <message>
        <location filename="../algorithms/voorspelmodel.py" line="68"/>
        <source>Model coefficients</source>
        <translation>Coëfficiënten van het model</translation>
    </message>
    <message>
        <location filename="../algorithms/voorspelmodel.py" line="70"/>
        <source>Backtest of model and profile</source>
        <translation>Terugtoets van model en profiel</translation>
    </message>
    <message>
        <location filename="../algorithms/voorspelmodel.py" line="90"/>
        <source>No earlier transition of {} years ends by {}: choose a shorter horizon.</source>
        <translation>Geen eerdere overgang van {} jaar eindigt uiterlijk in {}: kies een kortere horizon.</translation>
    </message>
    <message>
        <location filename="../algorithms/voorspelmodel.py" line="92"/>
        <source>Training on {}; test {} → {}</source>
        <translation>Training op {}; toets {} → {}</translation>
    </message>
    <message>
        <location filename="../algorithms/voorspelmodel.py" line="119"/>
        <source>{}: AUC {:.2f}, lift of &apos;sterk verhoogd&apos; {:.1f}</source>
        <translation>{}: AUC {:.2f}, lift van 'sterk verhoogd' {:.1f}</translation>
    </message>
    <message>
        <location filename="../algorithms/voorspelmodel.py" line="58"/>
        <source>Model class &apos;verhoogd&apos; for the top share of training units</source>
        <translation>Modelklasse 'verhoogd' voor het hoogste aandeel van de trainingseenheden</translation>
    </message>
    <message>
        <location filename="../algorithms/voorspelmodel.py" line="61"/>
        <source>Model class &apos;sterk verhoogd&apos; for the top share of training units</source>
        <translation>Modelklasse 'sterk verhoogd' voor het hoogste aandeel van de trainingseenheden</translation>
    </message>
    <message>
        <location filename="../algorithms/voorspelmodel.py" line="109"/>
        <source>The share for &apos;sterk verhoogd&apos; must not exceed the share for &apos;verhoogd&apos;.</source>
        <translation>Het aandeel voor 'sterk verhoogd' mag niet groter zijn dan dat voor 'verhoogd'.</translation>
    </message>
    <message>
        <location filename="../algorithms/voorspelmodel.py" line="29"/>
        <source>An optional statistical early-warning model beside the rule-based profile: an L2-regularised logistic regression (numpy, Newton-Raphson; features standardised, missing values at the training mean) on the mechanism scores. It learns from earlier transitions: for every measurement year t0 with t0 + horizon at or before the test year, the mechanism scores as of t0 and whether the unit declined by t0 + horizon (target group only; 'declined' as chosen: fell from 'voldoende' or better to 'zwak' or lower, or dropped at least one class, the same definitions as the backtest). The mechanisms run with the settings given. It is tested on the transition test year → outcome year, next to the rule-based profile, and then applied to the latest year.

Outputs: per unit the probability of decline ('kans') and a model risk class (1 from the probability above which the top 25 % of training units fall, 2 from the top 10 %; both shares are parameters); the coefficients per standard deviation with odds ratios, so analysts see which factors carry weight; and the backtest rows of model and profile (ROC AUC, lift, precision, recall).</source>
        <translation>Een optioneel statistisch vroegsignaleringsmodel naast het regelgebaseerde profiel: een logistische regressie met L2-regularisatie (numpy, Newton-Raphson; kenmerken gestandaardiseerd, ontbrekende waarden op het trainingsgemiddelde) op de scores van de mechanismen. Het model leert van eerdere overgangen: voor elk meetjaar t0 waarvoor t0 + horizon op of vóór het toetsjaar ligt, de mechanismescores per t0 en of de eenheid tot t0 + horizon achteruitging (alleen de doelgroep; 'achteruitgegaan' zoals gekozen: gedaald van 'voldoende' of beter naar 'zwak' of lager, of ten minste één klasse gedaald, dezelfde definities als bij de terugtoets). De mechanismen draaien met de opgegeven instellingen. Het model wordt getoetst op de overgang toetsjaar → uitkomstjaar, naast het regelgebaseerde profiel, en daarna toegepast op het laatste jaar.

Uitvoer: per eenheid de kans op achteruitgang ('kans') en een risicoklasse van het model (1 vanaf de kans waarboven de hoogste 25 % van de trainingseenheden valt, 2 vanaf de hoogste 10 %; beide aandelen zijn parameters); de coëfficiënten per standaardafwijking met odds ratio's, zodat analisten zien welke factoren zwaar wegen; en de terugtoetsregels van model en profiel (ROC AUC, lift, precisie, recall).</translation>
    </message>
</context>
<context>
    <name>Vroegsignalering</name>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="46"/>
        <source>Early warning: complete analysis</source>
        <translation>Vroegsignalering: volledige analyse</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="86"/>
        <source>Analysis year (empty = the latest; only measurements up to it are used)</source>
        <translation>Analysejaar (leeg = het meest recente; alleen metingen tot en met dit jaar worden gebruikt)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="92"/>
        <source>Risk profile per buurt</source>
        <translation>Risicoprofiel per buurt</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="94"/>
        <source>Risk profile per 100 m sub-area</source>
        <translation>Risicoprofiel per deelgebied van 100 m</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="99"/>
        <source>Leefbaarometer scores (buurt or grid level; CSV or layer)</source>
        <translation>Leefbaarometer-scores (buurt- of gridniveau; CSV of laag)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="101"/>
        <source>Grid scores for the 100 m sub-areas (when SCORES holds buurten)</source>
        <translation>Gridscores voor de deelgebieden van 100 m (als SCORES buurten bevat)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="104"/>
        <source>Grid polygons (optional; squares are built from grid_id)</source>
        <translation>Gridvlakken (optioneel; vierkanten worden opgebouwd uit grid_id)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="107"/>
        <source>Buurt polygons (CBS wijk- en buurtkaart or your own)</source>
        <translation>Buurtvlakken (CBS wijk- en buurtkaart of eigen bestand)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="109"/>
        <source>Buurt code field (detected when empty)</source>
        <translation>Buurtcodeveld (automatisch als leeg)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="112"/>
        <source>CBS kerncijfers table (CSV, optional)</source>
        <translation>Tabel CBS-kerncijfers (CSV, optioneel)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="112"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-bestanden (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="121"/>
        <source>Demolished dwellings (table or layer: buurtcode, jaar, gesloopte_woningen)</source>
        <translation>Gesloopte woningen (tabel of laag: buurtcode, jaar, gesloopte_woningen)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="142"/>
        <source>Analysis year {}: only measurements up to {} are used</source>
        <translation>Analysejaar {}: alleen metingen tot en met {} worden gebruikt</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="320"/>
        <source>buurten</source>
        <translation>buurten</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="320"/>
        <source>100 m sub-areas</source>
        <translation>deelgebieden van 100 m</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="195"/>
        <source>SCORES holds {} scores; the analysis needs buurt or grid scores.</source>
        <translation>SCORES bevat scores van het niveau {}; de analyse heeft buurt- of gridscores nodig.</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="372"/>
        <source>Year {} is not a measurement year of the scores ({}).</source>
        <translation>Jaar {} is geen meetjaar van de scores ({}).</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="386"/>
        <source>The grid polygons hold none of the grid ids: squares are built instead</source>
        <translation>De gridvlakken bevatten geen van de grid-id's: in plaats daarvan worden vierkanten opgebouwd</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="408"/>
        <source>{}: {} sterk verhoogd, {} verhoogd, {} geen verhoogd risico, {} al zwak of lager</source>
        <translation>{}: {} sterk verhoogd, {} verhoogd, {} geen verhoogd risico, {} al zwak of lager</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="118"/>
        <source>Gemeenten to report (codes or names, comma separated; empty = all). The mechanisms still see every loaded unit</source>
        <translation>Te rapporteren gemeenten (codes of namen, gescheiden door komma's; leeg = alle). De mechanismen zien nog steeds elke geladen eenheid</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="272"/>
        <source>Reported: {} of {} buurten (the mechanisms saw all of them)</source>
        <translation>Gerapporteerd: {} van {} buurten (de mechanismen zagen ze allemaal)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="345"/>
        <source>Own indicator {}: give its field (eigen.{}.veld) or its layer (eigen.{}.bron) in the settings.</source>
        <translation>Eigen indicator {}: geef het veld (eigen.{}.veld) of de laag (eigen.{}.bron) op in de instellingen.</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="124"/>
        <source>With gemeenten: surroundings read around them (km; empty = the largest radius of the mechanisms)</source>
        <translation>Met gemeenten: omgeving die eromheen wordt gelezen (km; leeg = de grootste straal van de mechanismen)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="127"/>
        <source>With gemeenten: read the whole input all the same (slower; the classes and &apos;all units&apos; references then cover everything loaded)</source>
        <translation>Met gemeenten: toch de hele invoer lezen (trager; de klassen en de referenties over 'alle eenheden' gaan dan over alles wat is geladen)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="164"/>
        <source>Duration: {}</source>
        <translation>Duur: {}</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="235"/>
        <source>Read: the chosen gemeenten and {:.0f} km around them ({:.0f} x {:.0f} km, {} of {} buurten); the classes and the &apos;all units&apos; references cover these</source>
        <translation>Gelezen: de gekozen gemeenten en {:.0f} km eromheen ({:.0f} x {:.0f} km, {} van {} buurten); de klassen en de referenties over 'alle eenheden' gaan hierover</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="154"/>
        <source>write buurten</source>
        <translation>buurten schrijven</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="163"/>
        <source>write grid</source>
        <translation>grid schrijven</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="164"/>
        <source>total</source>
        <translation>totaal</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="185"/>
        <source>read buurten</source>
        <translation>buurten lezen</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="199"/>
        <source>read scores</source>
        <translation>scores lezen</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="208"/>
        <source>read context</source>
        <translation>context lezen</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="255"/>
        <source>units (cells to buurten)</source>
        <translation>eenheden (cellen naar buurten)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="258"/>
        <source>neighbouring buurten</source>
        <translation>buurbuurten</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="266"/>
        <source>mechanisms and profile</source>
        <translation>mechanismen en profiel</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="49"/>
        <source>Runs the whole early-warning analysis for one analysis year in one go: reads the Leefbaarometer scores (buurt level, and optionally the grid scores for the 100 m sub-areas), the buurt polygons with their CBS figures and optionally the CBS kerncijfers and your demolition table; computes every risk mechanism at buurt and grid level (a mechanism whose data is absent is skipped with a message); and combines them into the risk profile.

Every mechanism scores on one scale: 0.5 is its own signal threshold, 1 is far beyond it and 0 is well clear, and it signals exactly where its score is 0.5 or more. The risk score is the weighted mean of the scores of the mechanisms known for a unit (a mechanism without data for a unit is left out, never counted as &apos;no signal&apos;). &apos;Sterk verhoogd&apos; is the riskiest 2 % of the target group, &apos;verhoogd&apos; the next up to 8 %, over everything loaded: a class means the same whatever the number of mechanisms known.

Target group: units scoring &apos;voldoende&apos; (class 5) or better in the analysis year. Others are kept with the label &apos;al zwak of lager&apos; and no risk class. The class can also follow the score itself (&apos;verhoogd&apos; from 0.4, &apos;sterk&apos; from 0.5) or the number of signals (2 and 4 of the 10 mechanisms, scaled to those known). &apos;factoren&apos; names up to three leading factors with their numbers. Buurten get the share of their target cells at elevated risk and &apos;potentieel_kwetsbaar&apos; (the 2024 instrument&apos;s first step: a target buurt with elevated risk or at least 25 % elevated cells).

Settings: every threshold, radius and reference of every mechanism, own indicators, weights and the profile rule can be given as text (one per line, e.g. &apos;ontwikkeling.drempel = 0,05&apos;, &apos;sloopelders.aan = nee&apos;, &apos;eigen.overlast.veld = meldingen&apos;); unknown names are errors.

Everything for the analysis year uses only measurements up to that year: cutting later years from the input changes nothing. CBS figures describe one year: give kerncijfers of several years (more files, or a jaar/Perioden column; otherwise a file&apos;s year is the one in its name) and each analysis year uses the latest up to it.

Gemeenten (codes like GM0995, or names) choose what is reported. Then only they and their surroundings are read: every unit within the largest radius of the mechanisms (10 km by default; &apos;Surroundings&apos; sets another), so a buurt on the border keeps its neighbours across it and the national grid file needs no cutting (read in columns, a GeoPackage made by &apos;Import Leefbaarometer scores&apos; through its spatial index: a gemeente takes seconds). The classes and the &apos;all units&apos; references then cover what was read; &apos;read the whole input&apos; makes them cover everything loaded.

The log ends with the time each stage took.</source>
        <translation>Voert de hele vroegsignaleringsanalyse voor één analysejaar in één keer uit: leest de Leefbaarometer-scores (buurtniveau, en optioneel de gridscores voor de deelgebieden van 100 m), de buurtvlakken met hun CBS-cijfers en optioneel de CBS-kerncijfers en de eigen sloopgegevens; berekent elk risicomechanisme op buurt- en gridniveau (een mechanisme waarvan de gegevens ontbreken, wordt met een melding overgeslagen); en combineert ze tot het risicoprofiel.

Elk mechanisme scoort op één schaal: 0,5 is zijn eigen signaaldrempel, 1 ligt er ver voorbij en 0 er ruim vandaan, en het geeft precies een signaal waar zijn score 0,5 of meer is. De risicoscore is het gewogen gemiddelde van de scores van de mechanismen die voor een eenheid bekend zijn (een mechanisme zonder gegevens voor een eenheid wordt weggelaten, nooit geteld als 'geen signaal'). 'Sterk verhoogd' zijn de riskantste 2 % van de doelgroep, 'verhoogd' de volgende tot 8 %, over alles wat is geladen: een klasse betekent hetzelfde, hoeveel mechanismen er ook bekend zijn.

Doelgroep: eenheden met 'voldoende' (klasse 5) of beter in het analysejaar. Andere eenheden blijven behouden met het label 'al zwak of lager' en zonder risicoklasse. De klasse kan ook de score zelf volgen ('verhoogd' vanaf 0,4, 'sterk' vanaf 0,5) of het aantal signalen (2 en 4 van de 10 mechanismen, omgerekend naar de bekende). 'factoren' noemt maximaal drie belangrijkste factoren met hun cijfers. Buurten krijgen het aandeel van hun doelgroepcellen met verhoogd risico en 'potentieel_kwetsbaar' (de eerste stap van het instrument uit 2024: een doelgroepbuurt met verhoogd risico of ten minste 25 % cellen met verhoogd risico).

Instellingen: elke drempel, straal en referentie van elk mechanisme, eigen indicatoren, gewichten en de profielregel kunnen als tekst worden opgegeven (één per regel, bijv. 'ontwikkeling.drempel = 0,05', 'sloopelders.aan = nee', 'eigen.overlast.veld = meldingen'); onbekende namen geven een foutmelding.

Alles voor het analysejaar gebruikt alleen metingen tot en met dat jaar: latere jaren uit de invoer verwijderen verandert niets. CBS-cijfers beschrijven één jaar: geef kerncijfers van meerdere jaren (meer bestanden, of een kolom jaar/Perioden; anders telt het jaartal in de bestandsnaam) en elk analysejaar gebruikt de laatste tot en met dat jaar.

Gemeenten (codes zoals GM0995, of namen) bepalen wat wordt gerapporteerd. Dan worden alleen zij en hun omgeving gelezen: elke eenheid binnen de grootste straal van de mechanismen (standaard 10 km; 'Omgeving' kiest een andere), zodat een buurt aan de grens haar buren aan de andere kant daarvan behoudt en het landelijke gridbestand niet vooraf hoeft te worden uitgesneden (in kolommen gelezen, een GeoPackage van 'Leefbaarometer-scores importeren' via zijn ruimtelijke index: een gemeente kost seconden). De klassen en de referenties over 'alle eenheden' gaan dan over wat is gelezen; met 'de hele invoer lezen' gaan ze over alles wat is geladen.

Het logboek eindigt met de duur van elke stap.</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="115"/>
        <source>CBS kerncijfers of other years (CSV files; per analysis year the latest up to it is used)</source>
        <translation>CBS-kerncijfers van andere jaren (CSV-bestanden; per analysejaar wordt de laatste tot en met dat jaar gebruikt)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="300"/>
        <source>The buurt layer&apos;s own CBS figures are of {}, after {}: the kerncijfers of {} are used instead</source>
        <translation>De eigen CBS-cijfers van de buurtlaag zijn van {}, na {}: in plaats daarvan worden de kerncijfers van {} gebruikt</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="306"/>
        <source>{}: CBS figures of {}, later than the analysis year {}: the only ones given, so figures from after {} are used</source>
        <translation>{}: CBS-cijfers van {}, later dan het analysejaar {}: de enige die zijn opgegeven, dus worden cijfers van na {} gebruikt</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="309"/>
        <source>{}: CBS figures of {} used for {}</source>
        <translation>{}: CBS-cijfers van {} gebruikt voor {}</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="327"/>
        <source>{} left out ({}): {}</source>
        <translation>{} weggelaten ({}): {}</translation>
    </message>
</context>
<context>
    <name>VroegsignaleringAlgorithm</name>
    <message>
        <location filename="../algorithms/base.py" line="39"/>
        <source>1 Data</source>
        <translation>1 Gegevens</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="40"/>
        <source>2 Risk mechanisms</source>
        <translation>2 Risicomechanismen</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="41"/>
        <source>3 Risk profile and backtest</source>
        <translation>3 Risicoprofiel en terugtoets</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="91"/>
        <source>Class cut points on afw (8 lower bounds of classes 2..9; empty = Leefbaarometer 2024)</source>
        <translation>Klassegrenzen op afw (8 ondergrenzen van klasse 2..9; leeg = Leefbaarometer 2024)</translation>
    </message>
    <message>
        <location filename="../algorithms/inputs.py" line="53"/>
        <source>Reading scores from {}</source>
        <translation>Scores lezen uit {}</translation>
    </message>
    <message>
        <location filename="../algorithms/inputs.py" line="59"/>
        <source>Reading scores from layer {}</source>
        <translation>Scores lezen uit laag {}</translation>
    </message>
    <message>
        <location filename="../algorithms/inputs.py" line="95"/>
        <source>{} buurten in {} have no geometry</source>
        <translation>{} buurten in {} hebben geen geometrie</translation>
    </message>
    <message>
        <location filename="../algorithms/inputs.py" line="141"/>
        <source>{} buurt rows with {} figures read from {}</source>
        <translation>{} buurtrijen met {} kengetallen gelezen uit {}</translation>
    </message>
    <message>
        <location filename="../algorithms/units.py" line="54"/>
        <source>{}: no field &apos;code&apos;. Use the output of &apos;Import Leefbaarometer scores&apos; as input.</source>
        <translation>{}: geen veld 'code'. Gebruik de uitvoer van 'Leefbaarometer-scores importeren' als invoer.</translation>
    </message>
    <message>
        <location filename="../algorithms/units.py" line="121"/>
        <source>{} context fields joined from the buurt layer</source>
        <translation>{} contextvelden gekoppeld uit de buurtlaag</translation>
    </message>
    <message>
        <location filename="../algorithms/units.py" line="123"/>
        <source>{} units have no buurt in the buurt layer</source>
        <translation>{} eenheden hebben geen buurt in de buurtlaag</translation>
    </message>
    <message>
        <location filename="../algorithms/inputs.py" line="156"/>
        <source>{} buurten have no row in {}, e.g. {}</source>
        <translation>{} buurten hebben geen rij in {}, bijvoorbeeld {}</translation>
    </message>
    <message>
        <location filename="../algorithms/inputs.py" line="162"/>
        <source>{} rows of {} match no buurt (other gemeenten or boundaries), e.g. {}</source>
        <translation>{} rijen van {} horen bij geen buurt (andere gemeenten of grenzen), bijvoorbeeld {}</translation>
    </message>
    <message>
        <location filename="../algorithms/stijl.py" line="267"/>
        <source>Could not store the style in {}: it opens unstyled on its own.</source>
        <translation>Kon de stijl niet opslaan in {}: los geopend verschijnt de laag zonder stijl.</translation>
    </message>
    <message>
        <location filename="../algorithms/inputs.py" line="72"/>
        <source>{}: {} grid id(s) lie outside the Netherlands (the Leefbaarometer&apos;s extent) and were left out, e.g. {}</source>
        <translation>{}: {} grid-id(s) liggen buiten Nederland (het gebied van de Leefbaarometer) en zijn weggelaten, bijv. {}</translation>
    </message>
    <message>
        <location filename="../algorithms/units.py" line="71"/>
        <source>{}: none of its grid ids lie in the Netherlands (the Leefbaarometer&apos;s extent), e.g. {}</source>
        <translation>{}: geen van de grid-ids ligt in Nederland (het gebied van de Leefbaarometer), bijv. {}</translation>
    </message>
    <message>
        <location filename="../algorithms/netwerk.py" line="148"/>
        <source>The authentication configuration &apos;{}&apos; could not be used: check that it exists under Settings &gt; Options &gt; Authentication and that the master password was entered.</source>
        <translation>De authenticatieconfiguratie '{}' kon niet worden gebruikt: controleer of die bestaat onder Instellingen &gt; Opties &gt; Authenticatie en of het hoofdwachtwoord is ingevoerd.</translation>
    </message>
    <message>
        <location filename="../algorithms/netwerk.py" line="179"/>
        <source>no answer within {} s</source>
        <translation>geen antwoord binnen {} s</translation>
    </message>
    <message>
        <location filename="../algorithms/netwerk.py" line="204"/>
        <source>Download of {} cancelled</source>
        <translation>Download van {} geannuleerd</translation>
    </message>
    <message>
        <location filename="../algorithms/netwerk.py" line="228"/>
        <source>transfer stalled for more than {} s</source>
        <translation>overdracht stond meer dan {} s stil</translation>
    </message>
    <message>
        <location filename="../algorithms/netwerk.py" line="240"/>
        <source>no data for {} s, QGIS&apos;s network time-out (Settings &gt; Options &gt; Network)</source>
        <translation>{} s geen gegevens, de netwerktime-out van QGIS (Instellingen &gt; Opties &gt; Netwerk)</translation>
    </message>
    <message>
        <location filename="../algorithms/netwerk.py" line="247"/>
        <source>The secure connection to {} failed: {}. Nothing was downloaded. If your organisation inspects https traffic, add its certificate authority in QGIS (Settings &gt; Options &gt; Authentication &gt; Certificate Manager) or ask your IT department.</source>
        <translation>De beveiligde verbinding met {} is mislukt: {}. Er is niets gedownload. Als uw organisatie https-verkeer inspecteert, voeg dan haar certificaatautoriteit toe in QGIS (Instellingen &gt; Opties &gt; Authenticatie &gt; Certificaatbeheer) of vraag het uw IT-afdeling.</translation>
    </message>
    <message>
        <location filename="../algorithms/netwerk.py" line="253"/>
        <source>The proxy asks for a login: set its user name and password (or an authentication configuration) under Settings &gt; Options &gt; Network ({}).</source>
        <translation>De proxy vraagt om een login: stel de gebruikersnaam en het wachtwoord (of een authenticatieconfiguratie) in onder Instellingen &gt; Opties &gt; Netwerk ({}).</translation>
    </message>
    <message>
        <location filename="../algorithms/netwerk.py" line="258"/>
        <source>the proxy set in QGIS (Settings &gt; Options &gt; Network) did not work ({})</source>
        <translation>de proxy die in QGIS is ingesteld (Instellingen &gt; Opties &gt; Netwerk) werkte niet ({})</translation>
    </message>
    <message>
        <location filename="../algorithms/netwerk.py" line="262"/>
        <source>Cannot download {}: {}</source>
        <translation>Kan {} niet downloaden: {}</translation>
    </message>
    <message>
        <location filename="../algorithms/netwerk.py" line="267"/>
        <source>transfer broke off after {} of {} bytes ({})</source>
        <translation>overdracht brak af na {} van {} bytes ({})</translation>
    </message>
    <message>
        <location filename="../algorithms/netwerk.py" line="270"/>
        <source>transfer broke off after {} bytes ({})</source>
        <translation>overdracht brak af na {} bytes ({})</translation>
    </message>
    <message>
        <location filename="../algorithms/netwerk.py" line="272"/>
        <source>connection failed ({})</source>
        <translation>verbinding mislukt ({})</translation>
    </message>
    <message>
        <location filename="../algorithms/eigenbron.py" line="44"/>
        <source>Own indicator: cannot open the layer {}.</source>
        <translation>Eigen indicator: kan de laag {} niet openen.</translation>
    </message>
    <message>
        <location filename="../algorithms/eigenbron.py" line="74"/>
        <source>Own indicator: points per unit &apos;{}&apos;: use count, sum or mean.</source>
        <translation>Eigen indicator: punten per eenheid '{}': gebruik count, sum of mean.</translation>
    </message>
    <message>
        <location filename="../algorithms/eigenbron.py" line="78"/>
        <source>Choose the numeric field of {} to sum or average.</source>
        <translation>Kies het numerieke veld van {} om op te tellen of te middelen.</translation>
    </message>
    <message>
        <location filename="../algorithms/eigenbron.py" line="82"/>
        <source>{} points of {}; {} outside every unit (not counted)</source>
        <translation>{} punten van {}; {} buiten elke eenheid (niet geteld)</translation>
    </message>
    <message>
        <location filename="../algorithms/eigenbron.py" line="94"/>
        <source>Choose the numeric field of {}.</source>
        <translation>Kies het numerieke veld van {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/eigenbron.py" line="98"/>
        <source>{}: no field holds the codes of the units.</source>
        <translation>{}: geen veld bevat de codes van de eenheden.</translation>
    </message>
    <message>
        <location filename="../algorithms/eigenbron.py" line="112"/>
        <source>Own indicator {}: no field {} in the buurt layer or the CBS table.</source>
        <translation>Eigen indicator {}: geen veld {} in de buurtlaag of de CBS-tabel.</translation>
    </message>
    <message>
        <location filename="../algorithms/eigenbron.py" line="124"/>
        <source>&apos;Per 1,000 inhabitants&apos; needs aantal_inwoners: give the buurt layer with CBS context.</source>
        <translation>'Per 1.000 inwoners' heeft aantal_inwoners nodig: geef de buurtlaag met CBS-context.</translation>
    </message>
    <message>
        <location filename="../algorithms/gpkg.py" line="310"/>
        <source>Field names differ only in case: {}</source>
        <translation>Veldnamen verschillen alleen in hoofdletters: {}</translation>
    </message>
    <message>
        <location filename="../algorithms/gpkg.py" line="316"/>
        <source>Cannot write the GeoPackage {}: is it open in another program, or read-only?</source>
        <translation>Kan de GeoPackage {} niet schrijven: is die geopend in een ander programma, of alleen-lezen?</translation>
    </message>
    <message>
        <location filename="../algorithms/gpkg.py" line="330"/>
        <source>Cannot create the table {} in {}.</source>
        <translation>Kan de tabel {} niet maken in {}.</translation>
    </message>
    <message>
        <location filename="../algorithms/gpkg.py" line="339"/>
        <source>Could not write {} into {}: {}</source>
        <translation>Kon {} niet schrijven in {}: {}</translation>
    </message>
    <message>
        <location filename="../algorithms/gpkg.py" line="352"/>
        <source>{} is open in another program that is writing to it (QGIS editing a layer in it, a database browser, another analysis): close it there or choose another file, and run again.</source>
        <translation>{} is geopend in een ander programma dat erin schrijft (QGIS dat een laag erin bewerkt, een databaseviewer, een andere analyse): sluit het daar of kies een ander bestand, en start opnieuw.</translation>
    </message>
    <message>
        <location filename="../algorithms/gpkg.py" line="365"/>
        <source>Cannot open the GeoPackage {}: {}</source>
        <translation>Kan de GeoPackage {} niet openen: {}</translation>
    </message>
    <message>
        <location filename="../report/rapport.py" line="167"/>
        <source>Could not export the report to {} (QGIS export result {}).</source>
        <translation>Kon het rapport niet exporteren naar {} (exportresultaat van QGIS: {}).</translation>
    </message>
    <message>
        <location filename="../report/rapport.py" line="208"/>
        <source>Cannot read the report template {}: {}.</source>
        <translation>Kan het rapportsjabloon {} niet lezen: {}.</translation>
    </message>
    <message>
        <location filename="../report/rapport.py" line="216"/>
        <source>The report template {} is not a QGIS layout template (.qpt).</source>
        <translation>Het rapportsjabloon {} is geen QGIS-opmaaksjabloon (.qpt).</translation>
    </message>
    <message>
        <location filename="../report/rapport.py" line="234"/>
        <source>The report template {} has no item with id {}: see docs/rapport.md for the items a template needs.</source>
        <translation>Het rapportsjabloon {} heeft geen item met id {}: zie docs/rapport.md voor de items die een sjabloon nodig heeft.</translation>
    </message>
</context>
<context>
    <name>VroegsignaleringDock</name>
    <message>
        <location filename="../ui/dock.py" line="68"/>
        <source>Vroegsignalering leefbaarheid</source>
        <translation>Vroegsignalering leefbaarheid</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="84"/>
        <source>1 Data</source>
        <translation>1 Gegevens</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="85"/>
        <source>2 Mechanisms</source>
        <translation>2 Mechanismen</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="86"/>
        <source>3 Results</source>
        <translation>3 Resultaten</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="113"/>
        <source>Results in</source>
        <translation>Resultaten in</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="117"/>
        <source>The folder of the results GeoPackage (empty: next to the project)</source>
        <translation>De map van de GeoPackage met de resultaten (leeg: naast het project)</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="121"/>
        <source>Run the analysis</source>
        <translation>Analyse uitvoeren</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="124"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="215"/>
        <source>Results of {}: {}</source>
        <translation>Resultaten van {}: {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="233"/>
        <source>The sample (gemeente Lelystad) is chosen: run the analysis under 3 Results.</source>
        <translation>Het voorbeeld (gemeente Lelystad) is gekozen: voer de analyse uit onder 3 Resultaten.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="243"/>
        <source>Vroegsignalering: official data</source>
        <translation>Vroegsignalering: officiële gegevens</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="247"/>
        <source>Downloading the official data…</source>
        <translation>De officiële gegevens worden gedownload…</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="254"/>
        <source>The download did not succeed: {}. Without an internet connection, choose files you have under 1 Data.</source>
        <translation>Het downloaden is niet gelukt: {}. Zonder internetverbinding kiest u onder 1 Gegevens bestanden die u al hebt.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="445"/>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="268"/>
        <source>The official data is in {}: choose a gemeente under 1 Data.</source>
        <translation>De officiële gegevens staan in {}: kies een gemeente onder 1 Gegevens.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="300"/>
        <source>Cannot write in {}: choose another folder.</source>
        <translation>Kan niet schrijven in {}: kies een andere map.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="307"/>
        <source>Vroegsignalering: complete analysis</source>
        <translation>Vroegsignalering: volledige analyse</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="311"/>
        <source>The analysis runs… (QGIS stays usable; Cancel stops it)</source>
        <translation>De analyse loopt… (QGIS blijft bruikbaar; Annuleren stopt haar)</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="325"/>
        <source>Choose the Leefbaarometer scores under 1 Data (or load the sample).</source>
        <translation>Kies de Leefbaarometer-scores onder 1 Gegevens (of laad het voorbeeld).</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="327"/>
        <source>Choose the buurt polygons under 1 Data.</source>
        <translation>Kies de buurtvlakken onder 1 Gegevens.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="329"/>
        <source>The settings under 2 Mechanisms have an error: {}</source>
        <translation>De instellingen onder 2 Mechanismen bevatten een fout: {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="359"/>
        <source>Cancelling…</source>
        <translation>Annuleren…</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="368"/>
        <source>The analysis stopped: {}</source>
        <translation>De analyse is gestopt: {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="384"/>
        <source>Done: {} ({} buurten). Choose a buurt for its summary.</source>
        <translation>Klaar: {} ({} buurten). Kies een buurt voor de samenvatting.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="389"/>
        <source>A threshold or setting changed: run the analysis again to see its effect.</source>
        <translation>Een drempel of instelling is gewijzigd: voer de analyse opnieuw uit om het effect te zien.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="590"/>
        <source>The interpretation of {} is saved with the results.</source>
        <translation>De duiding van {} is bij de resultaten bewaard.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="592"/>
        <source>Could not save the interpretation in {} (is it read-only?).</source>
        <translation>Kon de duiding niet opslaan in {} (is het bestand alleen-lezen?).</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="128"/>
        <source>Pick on the map</source>
        <translation>Kies op de kaart</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="129"/>
        <source>Click a buurt on the map to see its summary</source>
        <translation>Klik op een buurt op de kaart om de samenvatting te zien</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="135"/>
        <source>Make the report</source>
        <translation>Rapport maken</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="137"/>
        <source>A PDF for the council: summary, maps, table, a page per buurt at elevated risk with its local interpretation, and the method</source>
        <translation>Een PDF voor de raad: samenvatting, kaarten, tabel, een pagina per buurt met verhoogd risico met de lokale duiding, en de methode</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="475"/>
        <source>Run the analysis first: the report is made from its results.</source>
        <translation>Voer eerst de analyse uit: het rapport wordt gemaakt uit de resultaten.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="480"/>
        <source>The report is being made…</source>
        <translation>Het rapport wordt gemaakt…</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="488"/>
        <source>The report could not be made: {}</source>
        <translation>Het rapport kon niet worden gemaakt: {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="496"/>
        <source>The report was cancelled.</source>
        <translation>Het rapport is geannuleerd.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="499"/>
        <source>The report ({} pages) is in {}; its layout &apos;{}&apos; is in the project&apos;s layout manager.</source>
        <translation>Het rapport ({} pagina's) staat in {}; de opmaak '{}' staat in het opmaakbeheer van het project.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="479"/>
        <source>Council report</source>
        <translation>Raadsrapport</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="142"/>
        <source>Backtest</source>
        <translation>Terugtoets</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="144"/>
        <source>How well would this analysis have foreseen decline? The same analysis as of 8 years earlier, against what happened since (the report then explains its figures)</source>
        <translation>Hoe goed had deze analyse achteruitgang zien aankomen? Dezelfde analyse per 8 jaar eerder, tegen wat er sindsdien gebeurde (het rapport legt de cijfers dan uit)</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="403"/>
        <source>Run the analysis first: the backtest checks its method on history.</source>
        <translation>Voer eerst de analyse uit: de terugtoets toetst haar methode aan de geschiedenis.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="412"/>
        <source>No measurement year before {} in the scores: nothing to look back on.</source>
        <translation>Geen meetjaar vóór {} in de scores: er is niets om op terug te kijken.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="424"/>
        <source>Cannot replace {}: {}</source>
        <translation>Kan {} niet vervangen: {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="431"/>
        <source>Vroegsignalering: backtest</source>
        <translation>Vroegsignalering: terugtoets</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="434"/>
        <source>The backtest runs: the analysis as of {}, against {}…</source>
        <translation>De terugtoets loopt: de analyse per {}, tegen {}…</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="445"/>
        <source>The backtest stopped: {}</source>
        <translation>De terugtoets is gestopt: {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="455"/>
        <source>Backtest {} → {} done, without a measure for the risk profile (too few buurten declined?); see {}</source>
        <translation>Terugtoets {} → {} klaar, zonder maat voor het risicoprofiel (te weinig buurten achteruitgegaan?); zie {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="459"/>
        <source>Backtest {} → {}: the risk profile tells decliners from the others with an AUC of {} (0.5 is chance, 1 perfect); the explanation is in {}, and 'Make the report' now includes it.</source>
        <translation>Terugtoets {} → {}: het risicoprofiel onderscheidt wat achteruitging van de rest met een AUC van {} (0,5 is toeval, 1 perfect); de uitleg staat in {}, en 'Rapport maken' neemt haar nu op.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="502"/>
        <source>It has no backtest: the last one was made from other data or settings (weights included); run the backtest again.</source>
        <translation>Het heeft geen terugtoets: de laatste is gemaakt met andere gegevens of instellingen (ook gewichten); voer de terugtoets opnieuw uit.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="505"/>
        <source>With a backtest (&apos;Backtest&apos;) it also says how well the method foresaw decline.</source>
        <translation>Met een terugtoets (knop 'Terugtoets') zegt het ook hoe goed de methode achteruitgang zag aankomen.</translation>
    </message>
</context>
<context>
    <name>VroegsignaleringLagen</name>
    <message>
        <location filename="../ui/lagen.py" line="24"/>
        <source>Trend (ontwikkeling)</source>
        <translation>Trend (ontwikkeling)</translation>
    </message>
    <message>
        <location filename="../ui/lagen.py" line="25"/>
        <source>Near the tipping point (omslagzone)</source>
        <translation>Dicht bij de omslag (omslagzone)</translation>
    </message>
    <message>
        <location filename="../ui/lagen.py" line="26"/>
        <source>Weak sub-areas (zwakkedeelgebieden)</source>
        <translation>Zwakke deelgebieden (zwakkedeelgebieden)</translation>
    </message>
    <message>
        <location filename="../ui/lagen.py" line="27"/>
        <source>Hidden weak dimension (dimensies)</source>
        <translation>Verborgen zwakke dimensie (dimensies)</translation>
    </message>
    <message>
        <location filename="../ui/lagen.py" line="28"/>
        <source>Weak surroundings (uitstraling)</source>
        <translation>Zwakke omgeving (uitstraling)</translation>
    </message>
    <message>
        <location filename="../ui/lagen.py" line="29"/>
        <source>Economic sensitivity (conjunctuur)</source>
        <translation>Conjunctuurgevoeligheid (conjunctuur)</translation>
    </message>
    <message>
        <location filename="../ui/lagen.py" line="30"/>
        <source>Dwellings coming free (doorstroom)</source>
        <translation>Vrijkomende woningen (doorstroom)</translation>
    </message>
    <message>
        <location filename="../ui/lagen.py" line="31"/>
        <source>New build elsewhere (nieuwbouwelders)</source>
        <translation>Nieuwbouw elders (nieuwbouwelders)</translation>
    </message>
    <message>
        <location filename="../ui/lagen.py" line="32"/>
        <source>Demolition elsewhere (sloopelders)</source>
        <translation>Sloop elders (sloopelders)</translation>
    </message>
    <message>
        <location filename="../ui/lagen.py" line="33"/>
        <source>Competitive position (concurrentiepositie)</source>
        <translation>Concurrentiepositie (concurrentiepositie)</translation>
    </message>
    <message>
        <location filename="../ui/lagen.py" line="39"/>
        <source>all gemeenten</source>
        <translation>alle gemeenten</translation>
    </message>
    <message>
        <location filename="../ui/lagen.py" line="72"/>
        <source>Risk per buurt</source>
        <translation>Risico per buurt</translation>
    </message>
    <message>
        <location filename="../ui/lagen.py" line="73"/>
        <source>Risk per 100 m</source>
        <translation>Risico per 100 m</translation>
    </message>
    <message>
        <location filename="../ui/lagen.py" line="74"/>
        <source>Leefbaarometer per buurt</source>
        <translation>Leefbaarometer per buurt</translation>
    </message>
    <message>
        <location filename="../ui/lagen.py" line="75"/>
        <source>Leefbaarometer per 100 m</source>
        <translation>Leefbaarometer per 100 m</translation>
    </message>
    <message>
        <location filename="../ui/lagen.py" line="84"/>
        <source>Mechanisms</source>
        <translation>Mechanismen</translation>
    </message>
</context>
<context>
    <name>VroegsignaleringPlugin</name>
    <message>
        <location filename="../plugin.py" line="32"/>
        <source>&amp;Vroegsignalering leefbaarheid</source>
        <translation>&amp;Vroegsignalering leefbaarheid</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="45"/>
        <source>Vroegsignalering leefbaarheid</source>
        <translation>Vroegsignalering leefbaarheid</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="48"/>
        <source>Show the early-warning panel</source>
        <translation>Toon het vroegsignaleringspaneel</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="51"/>
        <source>Vroegsignalering</source>
        <translation>Vroegsignalering</translation>
    </message>
</context>
<context>
    <name>VroegsignaleringProvider</name>
    <message>
        <location filename="../algorithms/provider.py" line="16"/>
        <source>Vroegsignalering leefbaarheid</source>
        <translation>Vroegsignalering leefbaarheid</translation>
    </message>
</context>
<context>
    <name>ZwakkeDeelgebieden</name>
    <message>
        <location filename="../algorithms/mechanismen/zwakkedeelgebieden.py" line="16"/>
        <source>3 Weak sub-areas (zwakkedeelgebieden)</source>
        <translation>3 Zwakke deelgebieden (zwakkedeelgebieden)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/zwakkedeelgebieden.py" line="34"/>
        <source>Grid scores (output of &apos;Import Leefbaarometer scores&apos; on the grid file)</source>
        <translation>Gridscores (uitvoer van 'Leefbaarometer-scores importeren' op het gridbestand)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/zwakkedeelgebieden.py" line="40"/>
        <source>Threshold: share of weak cells (0..1)</source>
        <translation>Drempel: aandeel zwakke cellen (0..1)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/zwakkedeelgebieden.py" line="41"/>
        <source>Period in years</source>
        <translation>Periode in jaren</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/zwakkedeelgebieden.py" line="42"/>
        <source>Minimum number of scored cells</source>
        <translation>Minimaal aantal cellen met score</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/zwakkedeelgebieden.py" line="50"/>
        <source>{} does not hold grid cells (codes like E1213N4879).</source>
        <translation>{} bevat geen gridcellen (codes zoals E1213N4879).</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/zwakkedeelgebieden.py" line="19"/>
        <source>What, per buurt: the share of its 100 m grid cells that are already 'zwak' or lower in the analysis year, and the share of its cells whose score fell by at least half a class step (0.0392) over the period (default 6 years). Input: the buurt scores, and the grid scores of 'Import Leefbaarometer scores' (cells without a buurtcode get the buurt containing their centre).

Why: decline often starts in a few streets; a buurt average of 'voldoende' can hide weak pockets that spread.

Formula: signal when the weak share ≥ threshold (default 10 %) or the declining share ≥ twice the threshold, while the buurt itself is 'voldoende' or better (a buurt already 'zwak' gets no score). Score (0.5 at each threshold): the larger of the weak part (1 at twice the threshold) and the declining part (1 at four times it). Buurten with fewer than the minimum number of scored cells (default 3) get no score: too few cells to say. Reference: the weak share of all cells of the gemeente.</source>
        <translation>Wat, per buurt: het aandeel van haar gridcellen van 100 m dat in het analysejaar al 'zwak' of lager is, en het aandeel van haar cellen waarvan de score over de periode (standaard 6 jaar) met ten minste een halve klassenstap (0,0392) is gedaald. Invoer: de buurtscores en de gridscores van 'Leefbaarometer-scores importeren' (cellen zonder buurtcode krijgen de buurt waarin hun middelpunt ligt).

Waarom: achteruitgang begint vaak in een paar straten; een buurtgemiddelde van 'voldoende' kan zwakke plekken verbergen die zich uitbreiden.

Formule: signaal wanneer het zwakke aandeel ≥ drempel (standaard 10 %) of het dalende aandeel ≥ tweemaal de drempel, terwijl de buurt zelf 'voldoende' of beter is (een buurt die al 'zwak' is, krijgt geen score). Score (0,5 bij elke drempel): de grootste van het deel voor zwakke cellen (1 bij tweemaal de drempel) en het deel voor dalende cellen (1 bij viermaal de drempel). Buurten met minder dan het minimale aantal cellen met score (standaard 3) krijgen geen score: te weinig cellen voor een uitspraak. Referentie: het zwakke aandeel van alle cellen van de gemeente.</translation>
    </message>
</context>
</TS>
