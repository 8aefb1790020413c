<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>Backtest</name>
    <message>
        <location filename="../algorithms/backtest.py" line="28"/>
        <source>Backtest against history</source>
        <translation>Terugtoets op de historie</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="48"/>
        <source>Analysis year t (only measurements up to t are used)</source>
        <translation>Analysejaar t (alleen metingen tot en met t worden gebruikt)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="51"/>
        <source>Outcome year (empty = the latest)</source>
        <translation>Uitkomstjaar (leeg = het meest recente)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="65"/>
        <source>Decline means</source>
        <translation>Achteruitgang betekent</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="65"/>
        <source>fell from &apos;voldoende&apos; or better to &apos;zwak&apos; or lower</source>
        <translation>gedaald van 'voldoende' of beter naar 'zwak' of lager</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="65"/>
        <source>dropped at least one class</source>
        <translation>ten minste één klasse gedaald</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="69"/>
        <source>Units</source>
        <translation>Eenheden</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="69"/>
        <source>buurten</source>
        <translation>buurten</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="69"/>
        <source>100 m grid cells</source>
        <translation>gridcellen van 100 m</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="59"/>
        <source>Backtest table</source>
        <translation>Tabel terugtoets</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="60"/>
        <source>Backtest summary (HTML)</source>
        <translation>Samenvatting terugtoets (HTML)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="60"/>
        <source>HTML files (*.html)</source>
        <translation>HTML-bestanden (*.html)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="88"/>
        <source>No {} scores given for a backtest at that level.</source>
        <translation>Geen scores ({}) opgegeven voor een terugtoets op dat niveau.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="94"/>
        <source>The outcome year must be a measurement year after {} ({}).</source>
        <translation>Het uitkomstjaar moet een meetjaar na {} zijn ({}).</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="113"/>
        <source>Analysis as of {}, outcome {} ({} units)</source>
        <translation>Analyse per {}, uitkomst {} ({} eenheden)</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="140"/>
        <source>Backtest vroegsignalering: {} → {} ({})</source>
        <translation>Terugtoets vroegsignalering: {} → {} ({})</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="141"/>
        <source>CBS figures describe one year: they may postdate t.</source>
        <translation>CBS-cijfers beschrijven één jaar: ze kunnen van na t zijn.</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="147"/>
        <source>Risk profile: AUC {:.2f}, lift of &apos;sterk verhoogd&apos; {:.1f}, base rate {:.1%}</source>
        <translation>Risicoprofiel: AUC {:.2f}, lift van 'sterk verhoogd' {:.1f}, basiskans {:.1%}</translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="31"/>
        <source>Computes the complete analysis as if the analysis year were an earlier measurement t (only data up to t) and compares it with what really happened at a later measurement: a unit in the target group at t (&apos;voldoende&apos; or better) that fell to &apos;zwak&apos; or lower (or, by choice, dropped at least one class).

Reports per mechanism and for the risk profile: ROC AUC (the chance that a unit that declined scored higher than one that did not; 0.5 = no better than chance); precision, recall and lift of the mechanism&apos;s signal (for the profile: &apos;verhoogd&apos; or higher); precision and recall per risk class and the lift of &apos;sterk verhoogd&apos; and &apos;verhoogd&apos; over the base rate (the 2024 instrument reports about 10 for its selection); and the base rate itself. AUC and lifts come with a 95 % bootstrap interval (units resampled): with few declines they are very uncertain, and the report says so.

The analysis runs with the settings given (thresholds, references, weights, own indicators, the profile rule), so the backtest judges exactly what the analyst uses; the report lists them. Output: a table and an HTML summary with a ROC curve and a lift chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="75"/>
        <source>Bootstrap resamples for the intervals (0 = none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="143"/>
        <source>Gemeenten: {} (the mechanisms saw every loaded unit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="149"/>
        <source>&apos;verhoogd&apos; or higher catches {:.0%} of the declines (lift {:.1f}); &apos;sterk verhoogd&apos; {:.0%} (lift {:.1f}); {} declines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/backtest.py" line="169"/>
        <source>(defaults)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/conjunctuur.py" line="30"/>
        <source>Fixed reference change 2008-2012 (e.g. the national change)</source>
        <translation type="unfinished"></translation>
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

Formula: a dimension is weak when its class is at most the maximum class (default 3, &apos;onvoldoende&apos;) or it fell by at least the decline (default 0.0784, a class step) over the period (default 6 years). Signal when at least one watched dimension is weak while the total class is &apos;voldoende&apos; or better; units already &apos;zwak&apos; or lower get no score. Score (0.5 at the thresholds): per dimension the larger of the level part (1 at the bottom of class 3, 0 at 0; the class boundary itself is not weak) and the decline part (1 at twice the decline), the highest over the dimensions. Old years without dimension scores give a missing change, never zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/dimensies.py" line="33"/>
        <source>Dimensions to watch (of fys, onv, soc, vrz, won)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/doorstroom.py" line="34"/>
        <source>Fixed threshold for the older share (%, empty = percentile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/doorstroom.py" line="36"/>
        <source>Fixed WOZ threshold (thousand euros, empty = percentile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/doorstroom.py" line="38"/>
        <source>Fixed income threshold (thousand euros per inhabitant, empty = percentile)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DownloadData</name>
    <message>
        <location filename="../algorithms/downloaddata.py" line="63"/>
        <source>Download open data</source>
        <translation>Open data downloaden</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="66"/>
        <source>Downloads the official open data the plugin works with into a local cache folder and unpacks zips there: the Leefbaarometer 3.0 scores 2002-2024 (open-data zip with the grid, buurt, wijk and gemeente CSVs), the Leefbaarometer geometry 2024 (zip), the CBS wijk- en buurtkaart 2024 (GeoPackage, via PDOK) and, for one gemeente, the buurt or grid scores from the Leefbaarometer WFS (GeoJSON).

Licences: Leefbaarometer open data by the Ministry of BZK (Binnenlandse Zaken en Koninkrijksrelaties); CBS wijk- en buurtkaart by CBS/Kadaster, CC BY 4.0 (name the source when you publish).

Files already in the cache are used without a new download (tick &apos;Download again&apos; to refresh); a file appears in the cache only when complete, and a damaged zip is removed so the next run fetches it again. The cache is by default in your QGIS profile folder (vroegsignalering/cache). The WFS datasets need the gemeente name as the Leefbaarometer writes it (e.g. &apos;s-Hertogenbosch).

Files move between releases: under Advanced you can change the base URLs (the Leefbaarometer download folder, the CBS folder or the full address of the GeoPackage, the WFS address), e.g. to a mirror, and the time-out and number of retries.

Outputs: the cache folder, all files as one text separated by &apos;;&apos;, and the paths of the buurt scores CSV, the CBS GeoPackage and the WFS files when they were fetched.

Downloadt de open data van de Leefbaarometer en het CBS naar een lokale cachemap.</source>
        <translation>Downloadt de officiële open data waarmee de plugin werkt naar een lokale cachemap en pakt zip-bestanden daar uit: de Leefbaarometer 3.0-scores 2002-2024 (open-data-zip met de CSV's voor grid, buurt, wijk en gemeente), de Leefbaarometer-geometrie 2024 (zip), de CBS wijk- en buurtkaart 2024 (GeoPackage, via PDOK) en, voor één gemeente, de buurt- of gridscores uit de Leefbaarometer-WFS (GeoJSON).

Licenties: open data van de Leefbaarometer door het ministerie van BZK (Binnenlandse Zaken en Koninkrijksrelaties); CBS wijk- en buurtkaart door CBS/Kadaster, CC BY 4.0 (vermeld de bron bij publicatie).

Bestanden die al in de cache staan, worden gebruikt zonder nieuwe download (vink 'Opnieuw downloaden' aan om te verversen); een bestand verschijnt pas in de cache als het volledig is, en een beschadigde zip wordt verwijderd zodat de volgende uitvoering deze opnieuw ophaalt. De cache staat standaard in de QGIS-profielmap (vroegsignalering/cache). De WFS-datasets hebben de gemeentenaam nodig zoals de Leefbaarometer die schrijft (bijv. 's-Hertogenbosch).

Bestanden verhuizen tussen releases: bij de geavanceerde parameters zijn de basis-URL's aan te passen (de downloadmap van de Leefbaarometer, de CBS-map of het volledige adres van de GeoPackage, het WFS-adres), bijv. naar een mirror, evenals de time-out en het aantal nieuwe pogingen.

Uitvoer: de cachemap, alle bestanden als één tekst gescheiden door ';', en de paden van de CSV met buurtscores, de CBS-GeoPackage en de WFS-bestanden als die zijn opgehaald.

Downloadt de open data van de Leefbaarometer en het CBS naar een lokale cachemap.</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="88"/>
        <source>Leefbaarometer scores 2002-2024 (open-data zip)</source>
        <translation>Leefbaarometer-scores 2002-2024 (open-data-zip)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="89"/>
        <source>Leefbaarometer geometry 2024 (geometrie-lbm3-2024.zip)</source>
        <translation>Leefbaarometer-geometrie 2024 (geometrie-lbm3-2024.zip)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="90"/>
        <source>CBS wijk- en buurtkaart 2024 (GeoPackage)</source>
        <translation>CBS wijk- en buurtkaart 2024 (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="91"/>
        <source>Leefbaarometer buurt scores of one gemeente (WFS)</source>
        <translation>Leefbaarometer-buurtscores van één gemeente (WFS)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="92"/>
        <source>Leefbaarometer grid scores of one gemeente (WFS)</source>
        <translation>Leefbaarometer-gridscores van één gemeente (WFS)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="98"/>
        <source>Datasets</source>
        <translation>Datasets</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="104"/>
        <source>Gemeente name (for the WFS datasets)</source>
        <translation>Gemeentenaam (voor de WFS-datasets)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="109"/>
        <source>Download again (ignore the cache)</source>
        <translation>Opnieuw downloaden (cache negeren)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="148"/>
        <source>Cache folder</source>
        <translation>Cachemap</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="123"/>
        <source>Leefbaarometer download folder (base URL)</source>
        <translation>Downloadmap van de Leefbaarometer (basis-URL)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="127"/>
        <source>CBS wijk- en buurtkaart folder (base URL) or address of the GeoPackage</source>
        <translation>Map van de CBS wijk- en buurtkaart (basis-URL) of adres van de GeoPackage</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="131"/>
        <source>Leefbaarometer WFS address</source>
        <translation>Adres van de Leefbaarometer-WFS</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="135"/>
        <source>Time-out per request (seconds)</source>
        <translation>Time-out per verzoek (seconden)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="139"/>
        <source>Retries after a network error</source>
        <translation>Nieuwe pogingen na een netwerkfout</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="149"/>
        <source>Downloaded files (separated by &apos;;&apos;)</source>
        <translation>Gedownloade bestanden (gescheiden door ';')</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="150"/>
        <source>Leefbaarometer buurt scores CSV</source>
        <translation>CSV met Leefbaarometer-buurtscores</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="151"/>
        <source>CBS wijk- en buurtkaart GeoPackage</source>
        <translation>GeoPackage CBS wijk- en buurtkaart</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="152"/>
        <source>WFS buurt scores (GeoJSON)</source>
        <translation>WFS-buurtscores (GeoJSON)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="153"/>
        <source>WFS grid scores (GeoJSON)</source>
        <translation>WFS-gridscores (GeoJSON)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="163"/>
        <source>Choose at least one dataset to download.</source>
        <translation>Kies ten minste één dataset om te downloaden.</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="166"/>
        <source>The WFS datasets are fetched for one gemeente: fill in &apos;Gemeente name&apos; (e.g. Lelystad), or leave the WFS datasets out.</source>
        <translation>De WFS-datasets worden voor één gemeente opgehaald: vul 'Gemeentenaam' in (bijv. Lelystad), of laat de WFS-datasets weg.</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="191"/>
        <source>Cancelled: {}. Files completed before remain in the cache; nothing incomplete was kept.</source>
        <translation>Geannuleerd: {}. Eerder voltooide bestanden blijven in de cache; er is niets onvolledigs bewaard.</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="229"/>
        <source>Taken from the cache ({} files); tick &apos;Download again&apos; to refresh.</source>
        <translation>Uit de cache genomen ({} bestanden); vink 'Opnieuw downloaden' aan om te verversen.</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="242"/>
        <source>The scores zip holds no &apos;Leefbaarometer-scores buurten&apos; CSV; its files: {}</source>
        <translation>De scores-zip bevat geen CSV 'Leefbaarometer-scores buurten'; de bestanden erin: {}</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="261"/>
        <source>&apos;{}&apos; is not a web address (http:// or https://).</source>
        <translation>'{}' is geen webadres (http:// of https://).</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="297"/>
        <source>the WFS answered with an error: {}</source>
        <translation>de WFS antwoordde met een fout: {}</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="301"/>
        <source>the WFS answer is not GeoJSON: {}</source>
        <translation>het antwoord van de WFS is geen GeoJSON: {}</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="303"/>
        <source>the WFS returned no features for gemeente '{}'. Check the spelling of the name as the Leefbaarometer writes it (e.g. 's-Hertogenbosch, Súdwest-Fryslân)</source>
        <translation>de WFS gaf geen objecten terug voor gemeente '{}'. Controleer de schrijfwijze van de naam zoals de Leefbaarometer die schrijft (bijv. 's-Hertogenbosch, Súdwest-Fryslân)</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="308"/>
        <source>Layer {}: {} (request {}).</source>
        <translation>Laag {}: {} (verzoek {}).</translation>
    </message>
    <message>
        <location filename="../algorithms/downloaddata.py" line="313"/>
        <source>The WFS returned {} of {} features for {} (a server limit): the file is incomplete.</source>
        <translation>De WFS gaf {} van {} objecten terug voor {} (een serverlimiet): het bestand is onvolledig.</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="69"/>
        <source>a fixed number (below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/eigenindicator.py" line="72"/>
        <source>Fixed reference</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportScores</name>
    <message>
        <location filename="../algorithms/importscores.py" line="29"/>
        <source>Import Leefbaarometer scores</source>
        <translation>Leefbaarometer-scores importeren</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="50"/>
        <source>Leefbaarometer scores (CSV, GeoPackage or layer)</source>
        <translation>Leefbaarometer-scores (CSV, GeoPackage of laag)</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="55"/>
        <source>Geometry (buurt/wijk/gemeente polygons or grid cells; optional for grid scores)</source>
        <translation>Geometrie (vlakken van buurten/wijken/gemeenten of gridcellen; optioneel bij gridscores)</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="63"/>
        <source>Code field of the geometry layer (detected when empty)</source>
        <translation>Codeveld van de geometrielaag (automatisch als leeg)</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="98"/>
        <source>Leefbaarometer scores</source>
        <translation>Leefbaarometer-scores</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="108"/>
        <source>{} areas at level {}, years {}</source>
        <translation>{} gebieden op niveau {}, jaren {}</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="137"/>
        <source>{} official classes differ from the computed ones, e.g. {}</source>
        <translation>{} officiële klassen wijken af van de berekende, bijvoorbeeld {}</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="185"/>
        <source>No geometry layer given: the output is a table without geometry.</source>
        <translation>Geen geometrielaag opgegeven: de uitvoer is een tabel zonder geometrie.</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="212"/>
        <source>{} of {} areas have no geometry in {} (field {}), e.g. {}</source>
        <translation>{} van {} gebieden hebben geen geometrie in {} (veld {}), bijvoorbeeld {}</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="219"/>
        <source>{} polygons in {} have no scores, e.g. {}</source>
        <translation>{} vlakken in {} hebben geen scores, bijvoorbeeld {}</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="32"/>
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
        <location filename="../algorithms/importscores.py" line="71"/>
        <source>Buurt polygons (optional; gives grid cells their buurt)</source>
        <translation>Buurtvlakken (optioneel; geeft gridcellen hun buurt)</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="79"/>
        <source>Buurt code field (detected when empty)</source>
        <translation>Buurtcodeveld (automatisch als leeg)</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="87"/>
        <source>Measurement year, for a table without a year field</source>
        <translation>Meetjaar, voor een tabel zonder jaarveld</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="160"/>
        <source>{} of {} grid cells lie in a buurt; {} lie outside every buurt and keep an empty buurtcode</source>
        <translation>{} van {} gridcellen liggen in een buurt; {} liggen buiten elke buurt en houden een lege buurtcode</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="166"/>
        <source>{} grid cells lie in more than one buurt (overlapping polygons); each went to the first</source>
        <translation>{} gridcellen liggen in meer dan één buurt (overlappende vlakken); elke cel is aan de eerste toegekend</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="184"/>
        <source>the buurt layer</source>
        <translation>de buurtlaag</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="196"/>
        <source>Geometry layer {}: no field holds the codes of the scores (e.g. {}); choose one under &apos;Code field&apos;.</source>
        <translation>Geometrielaag {}: geen enkel veld bevat de codes van de scores (bijv. {}); kies er een bij 'Codeveld van de geometrielaag'.</translation>
    </message>
    <message>
        <location filename="../algorithms/importscores.py" line="200"/>
        <source>Geometry matched on field {} of {}</source>
        <translation>Geometrie gekoppeld op veld {} van {}</translation>
    </message>
</context>
<context>
    <name>MechanismAlgorithm</name>
    <message>
        <location filename="../algorithms/mechanism.py" line="111"/>
        <source>Leefbaarometer scores (output of &apos;Import Leefbaarometer scores&apos;)</source>
        <translation>Leefbaarometer-scores (uitvoer van 'Leefbaarometer-scores importeren')</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="114"/>
        <source>Buurten with CBS context (optional)</source>
        <translation>Buurten met CBS-context (optioneel)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="116"/>
        <source>Buurt code field (detected when empty)</source>
        <translation>Buurtcodeveld (automatisch als leeg)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="119"/>
        <source>Analysis year (empty = the latest; only measurements up to it are used)</source>
        <translation>Analysejaar (leeg = het meest recente; alleen metingen tot en met dit jaar worden gebruikt)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="184"/>
        <source>{} works on {} units; {} holds {} units.</source>
        <translation>{} werkt op {} eenheden; {} bevat {} eenheden.</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="210"/>
        <source>{}: signal for {} of {} units in {}</source>
        <translation>{}: signaal voor {} van {} eenheden in {}</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="100"/>
        <source>the unit&apos;s gemeente</source>
        <translation>de gemeente van de eenheid</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="100"/>
        <source>all units in the input</source>
        <translation>alle eenheden in de invoer</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="104"/>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="102"/>
        <source>a fixed number (below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanism.py" line="107"/>
        <source>Fixed reference</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="33"/>
        <source>Reference pace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="33"/>
        <source>Fixed reference pace (% of the stock built in ten years)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="35"/>
        <source>Surroundings build faster than the reference by at least (percentage points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="37"/>
        <source>Own new-build share at most (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="38"/>
        <source>Judge buurten with at least this many dwellings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="40"/>
        <source>Weighting within the radius</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="40"/>
        <source>nearer buurten weigh more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="40"/>
        <source>all equally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="43"/>
        <source>(no longer used)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/nieuwbouwelders.py" line="48"/>
        <source>PERCENTIEL is no longer used: the mechanism compares the building pace of the surroundings with a reference (REFERENTIE, DREMPEL).</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/omslagzone.py" line="32"/>
        <source>A typical move spans this many years</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/ontwikkeling.py" line="32"/>
        <source>Fixed reference change (e.g. the national change)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/ontwikkeling.py" line="34"/>
        <source>Or among the lowest p % of the reference (empty = not)</source>
        <translation type="unfinished"></translation>
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
        <location filename="../algorithms/profielparameters.py" line="39"/>
        <source>&apos;verhoogd risico&apos; from this many signals</source>
        <translation>'verhoogd risico' vanaf dit aantal signalen</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="42"/>
        <source>&apos;sterk verhoogd risico&apos; from this many signals</source>
        <translation>'sterk verhoogd risico' vanaf dit aantal signalen</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="48"/>
        <source>&apos;verhoogd risico&apos; from this weighted score</source>
        <translation>'verhoogd risico' vanaf deze gewogen score</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="51"/>
        <source>&apos;sterk verhoogd risico&apos; from this weighted score</source>
        <translation>'sterk verhoogd risico' vanaf deze gewogen score</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="45"/>
        <source>... out of this many mechanisms (scaled to those known for a unit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="54"/>
        <source>No risk class with fewer known mechanisms than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="59"/>
        <source>&apos;potentieel kwetsbaar&apos; from this share of elevated cells</source>
        <translation type="unfinished">'potentieel kwetsbaar' vanaf dit aandeel cellen met verhoogd risico</translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="69"/>
        <source>Settings (one per line: mechanism.key = value, e.g. ontwikkeling.drempel = 0,05)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="72"/>
        <source>Settings file (the same format; the text above is applied after it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/profielparameters.py" line="72"/>
        <source>Settings (*.txt *.ini *.cfg);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Risicoprofiel</name>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="26"/>
        <source>Risk profile from mechanism layers</source>
        <translation>Risicoprofiel uit mechanismelagen</translation>
    </message>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="50"/>
        <source>Mechanism layers (outputs of the mechanism algorithms, one level)</source>
        <translation>Mechanismelagen (uitvoer van de mechanismealgoritmen, één niveau)</translation>
    </message>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="53"/>
        <source>Grid risk profile (for the buurt share of elevated cells; optional)</source>
        <translation>Risicoprofiel van het grid (voor het aandeel cellen met verhoogd risico per buurt; optioneel)</translation>
    </message>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="56"/>
        <source>&apos;potentieel kwetsbaar&apos; from this share of elevated cells</source>
        <translation>'potentieel kwetsbaar' vanaf dit aandeel cellen met verhoogd risico</translation>
    </message>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="60"/>
        <source>Risk profile</source>
        <translation>Risicoprofiel</translation>
    </message>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="71"/>
        <source>Choose at least one mechanism layer.</source>
        <translation>Kies ten minste één mechanismelaag.</translation>
    </message>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="76"/>
        <source>{} is not an output of a mechanism algorithm (no code, *_score and *_signaal fields).</source>
        <translation>{} is geen uitvoer van een mechanismealgoritme (geen velden code, *_score en *_signaal).</translation>
    </message>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="96"/>
        <source>{} is not a grid risk profile with buurtcode.</source>
        <translation>{} is geen risicoprofiel van het grid met buurtcode.</translation>
    </message>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="106"/>
        <source>{} units, mechanisms: {}</source>
        <translation>{} eenheden, mechanismen: {}</translation>
    </message>
    <message>
        <location filename="../algorithms/risicoprofiel.py" line="29"/>
        <source>Every mechanism scores on the same scale: 0.5 means it is exactly at its own signal threshold, 1 far beyond it and 0 well clear of it. So the risk score, the weighted mean of a unit&apos;s known mechanism scores, reads the same way: &apos;sterk verhoogd&apos; from 0.5 (the known mechanisms are on average at their thresholds) and &apos;verhoogd&apos; from 0.4.

Combines the outputs of the mechanism algorithms (of one level: buurten or grid cells, matched on code) into the risk profile: the target group (&apos;voldoende&apos; or better in the analysis year), the number of signals and of known mechanisms, the weighted score (weights normalised over the mechanisms with a known score; 0 switches a mechanism off; a mechanism without data for a unit is left out, never counted as &apos;no signal&apos;), the risk class 0 &apos;geen verhoogd risico&apos; / 1 &apos;verhoogd risico&apos; / 2 &apos;sterk verhoogd risico&apos; (by the score, or by the number of signals: 2 and 4 of the 10 mechanisms, scaled to those known), the label &apos;al zwak of lager&apos; outside the target group, &apos;onbekend&apos; with fewer than 3 known mechanisms, and up to three leading factors in plain Dutch with their numbers. One figure counts once: the WOZ value drives only concurrentiepositie and is a condition elsewhere.

For buurten, give the grid profile (an output of this algorithm on grid mechanisms) to add the share of each buurt&apos;s target cells at elevated risk; &apos;potentieel_kwetsbaar&apos; marks target buurten with elevated risk or at least the threshold share of elevated cells (the 2024 instrument&apos;s first step). The profile only combines stored scores, so changing weights or rules re-runs in a moment.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/sloopelders.py" line="44"/>
        <source>Fixed WOZ reference (thousand euros)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/sloopelders.py" line="46"/>
        <source>Weighting within the radius</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/sloopelders.py" line="46"/>
        <source>nearer buurten weigh more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/sloopelders.py" line="46"/>
        <source>all equally</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Uitstraling</name>
    <message>
        <location filename="../algorithms/mechanismen/uitstraling.py" line="10"/>
        <source>5 Spill-over (uitstraling)</source>
        <translation>5 Uitstraling van de omgeving (uitstraling)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/uitstraling.py" line="28"/>
        <source>Radius for grid cells (m)</source>
        <translation>Straal voor gridcellen (m)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/uitstraling.py" line="29"/>
        <source>Radius for buurten without polygons (m)</source>
        <translation>Straal voor buurten zonder vlakken (m)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/uitstraling.py" line="31"/>
        <source>Threshold: share of the surroundings (0..1)</source>
        <translation>Drempel: aandeel van de omgeving (0..1)</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/uitstraling.py" line="32"/>
        <source>Period in years</source>
        <translation>Periode in jaren</translation>
    </message>
    <message>
        <location filename="../algorithms/mechanismen/uitstraling.py" line="13"/>
        <source>What: the share of the surroundings that is 'zwak' or lower in the analysis year, and the share that fell by at least half a class step (0.0392) over the period (default 6 years). Grid cells: the scored cells whose centre lies within the radius (default 300 m), the cell itself not counted. Buurten: the neighbouring buurten whose polygons touch (within 1 m, for simplified boundaries); without polygons, the buurten whose centre lies within the buurt radius (default 1000 m).

Why: decline spreads: nuisance, vacancy and reputation do not stop at a buurt boundary.

Formula: signal when either share ≥ threshold (default 0.25). Score (0.5 at the threshold): 1 when half of the surroundings is weak or declining, 0 with none. Units already 'zwak' or lower keep their numbers but get no score (the mechanism is about a unit that may follow its surroundings); units without scored surroundings get no score.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vroegsignalering</name>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="40"/>
        <source>Early warning: complete analysis</source>
        <translation>Vroegsignalering: volledige analyse</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="71"/>
        <source>Analysis year (empty = the latest; only measurements up to it are used)</source>
        <translation>Analysejaar (leeg = het meest recente; alleen metingen tot en met dit jaar worden gebruikt)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="77"/>
        <source>Risk profile per buurt</source>
        <translation>Risicoprofiel per buurt</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="79"/>
        <source>Risk profile per 100 m sub-area</source>
        <translation>Risicoprofiel per deelgebied van 100 m</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="84"/>
        <source>Leefbaarometer scores (buurt or grid level; CSV or layer)</source>
        <translation>Leefbaarometer-scores (buurt- of gridniveau; CSV of laag)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="86"/>
        <source>Grid scores for the 100 m sub-areas (when SCORES holds buurten)</source>
        <translation>Gridscores voor de deelgebieden van 100 m (als SCORES buurten bevat)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="89"/>
        <source>Grid polygons (optional; squares are built from grid_id)</source>
        <translation>Gridvlakken (optioneel; vierkanten worden opgebouwd uit grid_id)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="92"/>
        <source>Buurt polygons (CBS wijk- en buurtkaart or your own)</source>
        <translation>Buurtvlakken (CBS wijk- en buurtkaart of eigen bestand)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="94"/>
        <source>Buurt code field (detected when empty)</source>
        <translation>Buurtcodeveld (automatisch als leeg)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="97"/>
        <source>CBS kerncijfers table (CSV, optional)</source>
        <translation>Tabel CBS-kerncijfers (CSV, optioneel)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="97"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-bestanden (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="103"/>
        <source>Demolished dwellings (table or layer: buurtcode, jaar, gesloopte_woningen)</source>
        <translation>Gesloopte woningen (tabel of laag: buurtcode, jaar, gesloopte_woningen)</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="112"/>
        <source>Analysis year {}: only measurements up to {} are used</source>
        <translation>Analysejaar {}: alleen metingen tot en met {} worden gebruikt</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="122"/>
        <source>buurten</source>
        <translation>buurten</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="128"/>
        <source>100 m sub-areas</source>
        <translation>deelgebieden van 100 m</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="145"/>
        <source>SCORES holds {} scores; the analysis needs buurt or grid scores.</source>
        <translation>SCORES bevat scores van het niveau {}; de analyse heeft buurt- of gridscores nodig.</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="156"/>
        <source>the CBS kerncijfers</source>
        <translation>de CBS-kerncijfers</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="188"/>
        <source>{} ({}) skipped: {}</source>
        <translation>{} ({}) overgeslagen: {}</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="239"/>
        <source>Year {} is not a measurement year of the scores ({}).</source>
        <translation>Jaar {} is geen meetjaar van de scores ({}).</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="253"/>
        <source>The grid polygons hold none of the grid ids: squares are built instead</source>
        <translation>De gridvlakken bevatten geen van de grid-id's: in plaats daarvan worden vierkanten opgebouwd</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="266"/>
        <source>{}: {} sterk verhoogd, {} verhoogd, {} geen verhoogd risico, {} al zwak of lager</source>
        <translation>{}: {} sterk verhoogd, {} verhoogd, {} geen verhoogd risico, {} al zwak of lager</translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="43"/>
        <source>Runs the whole early-warning analysis for one analysis year in one go: reads the Leefbaarometer scores (buurt level, and optionally the grid scores for the 100 m sub-areas), the buurt polygons with their CBS figures and optionally the CBS kerncijfers and your demolition table; computes every risk mechanism at buurt and grid level (a mechanism whose data is absent is skipped with a message); and combines them into the risk profile.

Every mechanism scores on one scale: 0.5 is its own signal threshold, 1 is far beyond it and 0 is well clear, and it signals exactly where its score is 0.5 or more. The risk score is the weighted mean of the scores of the mechanisms known for a unit, so &apos;sterk verhoogd&apos; (from 0.5) means the known mechanisms are on average at their thresholds, and &apos;verhoogd&apos; (from 0.4) four fifths of the way there; a mechanism without data for a unit is left out, never counted as &apos;no signal&apos;.

Target group: units scoring &apos;voldoende&apos; (class 5) or better in the analysis year. Others are kept with the label &apos;al zwak of lager&apos; and no risk class. The class can also follow the number of signals (2 and 4 of the 10 mechanisms, scaled to those known). &apos;factoren&apos; names up to three leading factors with their numbers. Buurten get the share of their target cells at elevated risk and &apos;potentieel_kwetsbaar&apos; (the 2024 instrument&apos;s first step: a target buurt with elevated risk or at least 25 % elevated cells).

Settings: every threshold, radius and reference of every mechanism, own indicators, weights and the profile rule can be given as text (one per line, e.g. &apos;ontwikkeling.drempel = 0,05&apos;, &apos;sloopelders.aan = nee&apos;, &apos;eigen.overlast.veld = meldingen&apos;); unknown names are errors.

Everything for the analysis year uses only measurements up to that year: cutting later years from the input changes nothing. CBS figures describe one year. Gemeenten (codes like GM0995, or names) choose what is reported; the mechanisms see every loaded unit, so a buurt on the border keeps its neighbours across it: load the surroundings too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="100"/>
        <source>Gemeenten to report (codes or names, comma separated; empty = all). The mechanisms still see every loaded unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="191"/>
        <source>Reported: {} of {} buurten (the mechanisms saw all of them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/vroegsignalering.py" line="212"/>
        <source>Own indicator {}: give its field (eigen.{}.veld) or its layer (eigen.{}.bron) in the settings.</source>
        <translation type="unfinished"></translation>
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
        <location filename="../algorithms/base.py" line="70"/>
        <source>Class cut points on afw (8 lower bounds of classes 2..9; empty = Leefbaarometer 2024)</source>
        <translation>Klassegrenzen op afw (8 ondergrenzen van klasse 2..9; leeg = Leefbaarometer 2024)</translation>
    </message>
    <message>
        <location filename="../algorithms/inputs.py" line="49"/>
        <source>Reading scores from {}</source>
        <translation>Scores lezen uit {}</translation>
    </message>
    <message>
        <location filename="../algorithms/inputs.py" line="54"/>
        <source>Reading scores from layer {}</source>
        <translation>Scores lezen uit laag {}</translation>
    </message>
    <message>
        <location filename="../algorithms/inputs.py" line="74"/>
        <source>{} buurten in {} have no geometry</source>
        <translation>{} buurten in {} hebben geen geometrie</translation>
    </message>
    <message>
        <location filename="../algorithms/inputs.py" line="97"/>
        <source>{} buurt rows with {} figures read from {}</source>
        <translation>{} buurtrijen met {} kengetallen gelezen uit {}</translation>
    </message>
    <message>
        <location filename="../algorithms/units.py" line="47"/>
        <source>{}: no field &apos;code&apos;. Use the output of &apos;Import Leefbaarometer scores&apos; as input.</source>
        <translation>{}: geen veld 'code'. Gebruik de uitvoer van 'Leefbaarometer-scores importeren' als invoer.</translation>
    </message>
    <message>
        <location filename="../algorithms/units.py" line="86"/>
        <source>{} context fields joined from the buurt layer</source>
        <translation>{} contextvelden gekoppeld uit de buurtlaag</translation>
    </message>
    <message>
        <location filename="../algorithms/units.py" line="88"/>
        <source>{} units have no buurt in the buurt layer</source>
        <translation>{} eenheden hebben geen buurt in de buurtlaag</translation>
    </message>
    <message>
        <location filename="../algorithms/inputs.py" line="112"/>
        <source>{} buurten have no row in {}, e.g. {}</source>
        <translation>{} buurten hebben geen rij in {}, bijvoorbeeld {}</translation>
    </message>
    <message>
        <location filename="../algorithms/inputs.py" line="118"/>
        <source>{} rows of {} match no buurt (other gemeenten or boundaries), e.g. {}</source>
        <translation>{} rijen van {} horen bij geen buurt (andere gemeenten of grenzen), bijvoorbeeld {}</translation>
    </message>
</context>
<context>
    <name>VroegsignaleringDock</name>
    <message>
        <location filename="../ui/dock.py" line="13"/>
        <source>Vroegsignalering leefbaarheid</source>
        <translation>Vroegsignalering leefbaarheid</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="18"/>
        <source>Early warning of liveability decline. Import Leefbaarometer scores and run the risk mechanisms from the Processing toolbox (group &apos;Vroegsignalering leefbaarheid&apos;).</source>
        <translation>Vroegsignalering van leefbaarheidsachteruitgang. Importeer Leefbaarometer-scores en draai de risicomechanismen vanuit de Processing-gereedschapskist (groep 'Vroegsignalering leefbaarheid').</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="27"/>
        <source>Open the Processing toolbox</source>
        <translation>Open de Processing-gereedschapskist</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="43"/>
        <source>The Processing toolbox is not available.</source>
        <translation>De Processing-gereedschapskist is niet beschikbaar.</translation>
    </message>
</context>
<context>
    <name>VroegsignaleringPlugin</name>
    <message>
        <location filename="../plugin.py" line="30"/>
        <source>&amp;Vroegsignalering leefbaarheid</source>
        <translation>&amp;Vroegsignalering leefbaarheid</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="43"/>
        <source>Vroegsignalering leefbaarheid</source>
        <translation>Vroegsignalering leefbaarheid</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="46"/>
        <source>Show the early-warning panel</source>
        <translation>Toon het vroegsignaleringspaneel</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="49"/>
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
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
