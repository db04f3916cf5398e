/// The report's inline style sheet and script.
extension HTMLReport {
    /// Screen and print styles. In print, the toolbar goes, every view starts
    /// a page, and master grids print landscape in a smaller type.
    static let style = """
        :root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2430; }
        body { margin: 0; background: #f4f6f9; }
        [hidden] { display: none !important; }
        .toolbar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center;
          padding: .6rem 1rem; background: #1d2c4d; color: #fff; }
        .toolbar h1 { font-size: 1.1rem; margin: 0; }
        .toolbar input { flex: 0 1 22rem; padding: .35rem .5rem; border: 0; border-radius: 4px; font: inherit; }
        .toolbar nav a { color: #cfe0ff; margin-right: .6rem; }
        #count { font-size: .85rem; color: #cfe0ff; }
        main { padding: 1rem; }
        .view { background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.12); padding: 1rem 1.25rem;
          margin: 0 auto 1.25rem; max-width: 72rem; overflow-x: auto; }
        .kind { margin: 0; font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: #5b6b82; }
        h2 { margin: .1rem 0 .3rem; }
        h3 { margin: 1rem 0 .3rem; font-size: 1rem; }
        .facts { margin: 0 0 .5rem; color: #3c4a5e; }
        table { border-collapse: collapse; }
        .tt { width: 100%; }
        .tt th, .tt td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #e3e8ef; vertical-align: top; }
        .tt td:first-child { white-space: nowrap; font-variant-numeric: tabular-nums; }
        .tt td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .sw { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .35em; vertical-align: -.05em;
          border: 1px solid rgba(0,0,0,.2); }
        .mg { font-size: .78rem; table-layout: fixed; }
        .mg th, .mg td { border: 1px solid #d5dbe4; padding: .2rem .3rem; min-width: 5.5rem; vertical-align: top; }
        .mg thead th { background: #eef2f7; }
        .mg tbody th { text-align: left; background: #f7f9fb; min-width: 9rem; }
        .mg .brk { min-width: 1rem; background: repeating-linear-gradient(90deg, #eef0f3 0 4px, #fff 4px 8px); }
        .mg .na { background: repeating-linear-gradient(45deg, #e4e4e4 0 5px, #fafafa 5px 10px); }
        .mg .clash { outline: 3px solid #c0262d; outline-offset: -3px; }
        .legend span { display: inline-block; margin-right: .8rem; font-size: .85rem; }
        .cards { display: flex; flex-wrap: wrap; gap: .6rem; margin: .5rem 0 1rem; }
        .cards div { background: #eef2f7; border-radius: 6px; padding: .5rem .8rem; }
        .cards b { font-size: 1.3rem; }
        .cards .ok { background: #e2f4e6; }
        .cards .bad { background: #fbe3e4; }
        .charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
        figure { margin: 0; }
        figcaption { font-weight: 600; margin-bottom: .3rem; }
        .chart { max-width: 100%; height: auto; font-size: 12px; }
        .chart text { fill: #1d2430; }
        .chart text.light { fill: #fff; }
        .chart .closed { fill: #eceff3; }
        .t { fill: #d9822b; }
        .w0 { fill: #3a9d5d; }
        .w1 { fill: #d0a93a; }
        .d0 { fill: #4e79a7; background: #4e79a7; } .d1 { fill: #f28e2b; background: #f28e2b; }
        .d2 { fill: #59a14f; background: #59a14f; } .d3 { fill: #e15759; background: #e15759; }
        .d4 { fill: #76b7b2; background: #76b7b2; } .d5 { fill: #edc948; background: #edc948; }
        .d6 { fill: #b07aa1; background: #b07aa1; } .d7 { fill: #9c755f; background: #9c755f; }
        footer { text-align: center; color: #5b6b82; font-size: .8rem; padding: 0 0 1.5rem; }
        .made { color: #5b6b82; font-size: .75rem; margin: .8rem 0 0; }
        @page grid { size: landscape; }
        @media print {
          body { background: #fff; }
          .toolbar, footer { display: none; }
          main { padding: 0; }
          .view { box-shadow: none; border-radius: 0; margin: 0; padding: 0; max-width: none; overflow: visible;
            page-break-before: always; break-before: page; }
          .view:first-of-type { page-break-before: auto; break-before: auto; }
          .grid { page: grid; }
          .mg { font-size: 7pt; width: 100%; }
          .mg th, .mg td { min-width: 0; padding: 1px 3px; }
          .mg tbody th { min-width: 0; }
          tr, figure { page-break-inside: avoid; break-inside: avoid; }
          .chart { max-height: 23cm; width: auto; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """

    /// A background colour per activity: hues a golden angle apart, two
    /// lightnesses alternating, so neighbours in the list differ.
    static func activityStyles(count: Int) -> String {
        (0..<count).map { a in
            let hue = Int((Double(a) * 137.508).truncatingRemainder(dividingBy: 360).rounded())
            return ".a\(a) { background: hsl(\(hue) 70% \(a % 2 == 0 ? 84 : 74)%); }\n"
        }.joined()
    }

    /// The filter: a view stays when its title or kind contains the text
    /// (then whole), or when some of its table rows do (then only those);
    /// case and accents are ignored. A day whose rows are all hidden is
    /// hidden too. Appends `#script-ok`
    /// once set up.
    static let script = """
        (function () {
          "use strict";
          var input = document.getElementById("filter");
          var count = document.getElementById("count");
          var views = Array.prototype.slice.call(document.querySelectorAll(".view"));
          function fold(text) {
            return text.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase();
          }
          function apply() {
            var q = fold(input.value.trim());
            var shown = 0;
            views.forEach(function (view) {
              var whole = !q || (view.getAttribute("data-key") || "").indexOf(q) >= 0;
              var any = whole;
              view.querySelectorAll(".day").forEach(function (day) {
                var rows = 0;
                day.querySelectorAll("tbody tr").forEach(function (row) {
                  var keep = whole || fold(row.textContent).indexOf(q) >= 0;
                  row.hidden = !keep;
                  if (keep) { rows += 1; }
                });
                day.hidden = rows === 0 && !whole;
                if (rows > 0) { any = true; }
              });
              view.hidden = !any;
              if (any) { shown += 1; }
            });
            count.textContent = q ? shown + " of " + views.length + " views" : views.length + " views";
          }
          input.addEventListener("input", apply);
          apply();
          var ok = document.createElement("div");
          ok.id = "script-ok";
          ok.hidden = true;
          document.body.appendChild(ok);
        })();

        """
}
