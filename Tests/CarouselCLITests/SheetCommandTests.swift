import CarouselCLI
import Foundation
import Testing

/// `carousel template`, `carousel import csv` and `carousel schema` from the
/// command line; `import itc2007` alongside.
@Suite struct SheetCommandTests {
    @Test func templateImportsAndSolvesAsItIs() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sheets = dir.appendingPathComponent("my-event").path
        let template = Run(["template", sheets])
        #expect(template.code == 0, "\(template.err)")
        #expect(template.out.hasPrefix("wrote 13 sheets to \(sheets): settings.csv, days.csv, periods.csv, sites.csv"))
        #expect(
            try String(contentsOfFile: sheets + "/classes.csv", encoding: .utf8).hasPrefix(
                "id,name,school,year,size,visit,needs,home,same staff,pool,adults,dietary,gate,attend,choices,choose,prefer,within\n"
            ))

        let problem = dir.appendingPathComponent("my-event.json").path
        let imported = Run(["import", "csv", sheets, "-o", problem])
        #expect(imported.code == 0, "\(imported.err)")
        #expect(
            imported.out
                == "wrote \(problem): 2 classes (58 pupils), 2 pools (12 pupils) in 1 team formation, 4 sites, 3 activities, 2 rooms, 3 staff, 2 days × 5 periods\n"
        )

        let schedule = dir.appendingPathComponent("my-event.schedule.json").path
        let solve = Run(["solve", problem, "-o", schedule, "--moves", "2000", "--quiet"])
        #expect(solve.code == 0, "\(solve.out)\(solve.err)")
        #expect(solve.out.contains("score: hard 0"))

        // A second template into the same folder keeps the organiser's work.
        let again = Run(["template", sheets])
        #expect(again.code == 2)
        #expect(
            again.err.hasPrefix(
                "error: \(sheets)/settings.csv already exists; pass --force to overwrite the sheets, or choose another folder"
            ))
        #expect(Run(["template", sheets, "--force"]).code == 0)
    }

    @Test func aBadCellIsOneLineAndExitTwo() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(Run(["template", dir.path]).code == 0)
        let classes = dir.appendingPathComponent("classes.csv")
        var text = try String(contentsOf: classes, encoding: .utf8)
        text = text.replacingOccurrences(of: ",28,", with: ",twenty,")
        try text.write(to: classes, atomically: true, encoding: .utf8)
        let run = Run(["import", "csv", dir.path])
        #expect(run.code == 2)
        #expect(run.out.isEmpty)
        #expect(
            run.err
                == "error: \(classes.path):2: column \"size\": expected a whole number of pupils, found \"twenty\"\n")
    }

    @Test func sheetsCanBeGivenOneByOne() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(Run(["template", dir.path]).code == 0)
        let other = dir.appendingPathComponent("2027-classes.csv").path
        try "id,size,attend\nsolo,12,lunch daily\n".write(toFile: other, atomically: true, encoding: .utf8)
        var arguments = ["import", "csv"]
        for name in ["days", "periods", "rooms", "activities", "staff"] {
            arguments += ["--\(name)", dir.appendingPathComponent("\(name).csv").path]
        }
        let run = Run(arguments + ["--classes", other])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains("\"id\": \"solo\""))

        let missing = Run(["import", "csv", "--classes", other])
        #expect(missing.code == 2)
        #expect(missing.err == "error: import csv: no days sheet; give a folder or --days FILE\n")
        let nothing = Run(["import", "csv"])
        #expect(nothing.code == 2)
        #expect(nothing.err.hasPrefix("error: give a folder of sheets or the sheets themselves (--classes FILE …)\n"))
        let typo = Run(["import", "cvs", dir.path])
        #expect(
            typo.err.hasPrefix("error: unknown import format \"cvs\"; expected csv, itc2007 (did you mean \"csv\"?)"))
    }

    @Test func itc2007ImportStillWorks() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ctt = dir.appendingPathComponent("toy.ctt").path
        try """
        Name: Toy
        Courses: 1
        Rooms: 1
        Days: 1
        Periods_per_day: 2
        Curricula: 0
        Constraints: 0

        COURSES:
        c1 t1 2 1 30

        ROOMS:
        rA 30

        CURRICULA:

        UNAVAILABILITY_CONSTRAINTS:

        END.
        """.write(toFile: ctt, atomically: true, encoding: .utf8)
        let run = Run(["import", "itc2007", ctt, "-o", dir.appendingPathComponent("toy.json").path])
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains("1 courses, 0 curricula, 1 rooms, 1 days × 2 periods"))
        #expect(Run(["import", "itc2007"]).err.hasPrefix("error: missing FILE.ctt"))
    }

    @Test func schemaPrintsOrWrites() throws {
        let printed = Run(["schema"])
        #expect(printed.code == 0)
        #expect(printed.out.hasPrefix("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\""))
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("problem.schema.json").path
        let written = Run(["schema", "-o", file])
        #expect(written.out == "wrote \(file)\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == printed.out)
    }
}
