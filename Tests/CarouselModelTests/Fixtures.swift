import CarouselModel
import Foundation
import Testing

/// Shared inputs and helpers for the input-layer tests.
enum Fixtures {
    /// A complete, valid problem that uses every key of spec sections 0–8,
    /// with comments, trailing commas and comment markers inside strings.
    ///
    /// Indices: periods p1 0, brk 1, p2 2, p3 3; days mon 0, tue 1;
    /// rooms lab1 0, hall 1, field 2; staff msmith 0, amir 1;
    /// activities rocket 0, vr 1, chem 2, assembly 3, lunch 4, maths 5;
    /// groups stmarys-5a 0, oak-6b 1.
    static let fullProblem = """
        // Carousel problem using every key of spec sections 0–8.
        {
          "format": "carousel/1",
          "name": "STEM Week 2026",
          "description": "Workshops // not a comment /* nor this */",
          "calendar": {
            "days": [
              {"id": "mon", "name": "Monday", "date": "2026-03-09"},
              /* Tuesday lists its periods out of order: they are kept in calendar order. */
              {"id": "tue", "name": "Tuesday", "date": "2026-03-10", "periods": ["p2", "p1", "brk"]},
            ],
            "periods": [
              {"id": "p1", "name": "Period 1", "start": "09:30", "end": "10:15"},
              {"id": "brk", "start": "10:15", "end": "10:30", "break": true},
              {"id": "p2", "start": "10:30", "end": "11:15"},
              {"id": "p3", "start": "11:15", "end": "12:00", "break": false},
            ],
          },
          "rooms": [
            {"id": "lab1", "name": "Physics Lab 1", "capacity": 32, "features": ["lab", "step-free"],
             "site": "science-centre", "unavailable": ["mon 09:30-10:15"]},
            {"id": "hall"},
            {"id": "field", "features": ["outdoor"], "unavailable": ["tue", "11:15-12:00"]},
          ],
          "staff": [
            {"id": "msmith", "name": "Ms Smith", "role": "teacher", "skills": ["chemistry", "dbs"],
             "available": ["mon", "tue 09:30-10:15"], "maxPerDay": 5, "max": 18, "preferredMaxPerDay": 4},
            {"id": "amir", "role": "student"},
          ],
          "activities": [
            {"id": "rocket", "name": "Rocket launch", "duration": 2, "capacity": 32, "maxGroups": 1,
             "roomFeatures": ["outdoor"], "rooms": ["field"], "years": [5, 7], "window": ["09:30-12:00"],
             "maxPerDay": 3, "maxSessions": 12, "together": false,
             "staff": [{"skills": ["chemistry"], "count": 1},
                       {"role": "student", "perPupils": 10},
                       {"ids": ["amir", "msmith"]}]},
            {"id": "vr"},
            {"id": "chem", "rooms": ["hall", "lab1"]},
            {"id": "assembly", "together": true},
            {"id": "lunch"},
            {"id": "maths", "maxGroups": 3},
          ],
          "groups": [
            {"id": "stmarys-5a", "name": "5A", "school": "St Mary's Primary", "year": 5, "size": 28,
             "visit": ["mon", "tue 09:30-14:30"], "needs": ["step-free"],
             "attend": [
               {"activity": "lunch", "daily": true},
               {"activity": "assembly"},
               {"activity": "maths", "times": 3, "minDays": 2},
               {"oneOf": ["rocket", "vr", "chem"], "count": 2, "prefer": ["chem", "rocket"]},
             ]},
            {"id": "oak-6b", "size": 30, "attend": [{"oneOf": ["vr", "chem"]}]},
          ],
          "fixed": [
            {"activity": "assembly", "day": "mon", "start": "p1", "room": "hall",
             "groups": ["stmarys-5a", "oak-6b"], "staff": ["msmith"]},
            {"activity": "chem", "day": "tue", "start": "10:30", "room": "lab1"},
          ],
          "weights": {"preference": 4, "idleGap": 0.5, "siteChange": 3, "spread": 6, "isolated": 1,
                      "roomStability": 2, "mixSchools": 7, "sessions": 8, "staffOverload": 9, "overCapacity": 10},
        }
        """

    /// A small valid problem with a predictable layout, for error messages:
    /// line 7 holds the rooms, line 8 the activities, line 9 the groups.
    static let small = """
        {
          "calendar": {
            "days": [{"id": "mon"}, {"id": "tue"}],
            "periods": [{"id": "p1", "start": "09:00", "end": "10:00"},
                        {"id": "p2", "start": "10:00", "end": "11:00"}]
          },
          "rooms": [{"id": "hall", "capacity": 60}, {"id": "lab", "features": ["lab"]}],
          "activities": [{"id": "rocket"}, {"id": "robotics"}, {"id": "chem", "rooms": ["lab"]}],
          "groups": [{"id": "g1", "size": 28, "attend": [{"oneOf": ["rocket", "robotics"]}]}]
        }
        """

    /// A minimal problem: one day, one period, no rooms or groups.
    static func minimal(extra: String = "") -> String {
        """
        {"calendar": {"days": [{"id": "mon"}], "periods": [{"id": "p1", "start": "09:00", "end": "10:00"}]}\(extra)}
        """
    }

    /// Decodes `text` as a problem file named `file`.
    static func decode(_ text: String, file: String = "p.json") throws(InputError) -> Problem {
        try ProblemDecoder.decode(bytes: Array(text.utf8), file: file)
    }

    /// The one-line error for `text`, or `"no error"` when it decodes.
    static func message(_ text: String, file: String = "p.json") -> String {
        do {
            _ = try decode(text, file: file)
            return "no error"
        } catch {
            return error.description
        }
    }

    /// `text` with the single occurrence of `old` replaced by `new`.
    /// Records a test issue when `old` does not occur exactly once.
    static func replacing(
        _ old: String, with new: String, in text: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> String {
        let parts = text.components(separatedBy: old)
        #expect(parts.count == 2, "expected exactly one \"\(old)\" in the fixture", sourceLocation: sourceLocation)
        return parts.joined(separator: new)
    }

    /// The error message for `small` with one edit.
    static func smallMessage(_ old: String, _ new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        -> String
    {
        message(replacing(old, with: new, in: small, sourceLocation: sourceLocation))
    }
}
