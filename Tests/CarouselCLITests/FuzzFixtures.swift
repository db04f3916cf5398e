/// Inputs for the CLI fuzz tests: a small valid problem that uses most of the
/// format, and a schedule that is feasible for it (checked with
/// `/work/shared/tools/check.py`: feasible=true hard=0 soft=2).
enum FuzzFixtures {
    static let problem = """
        {
          "format": "carousel/1", // a line comment
          /* a block
             comment */
          "name": "Fuzz base",
          "description": "Small but uses most features // not a comment",
          "calendar": {
            "days": [{"id": "mon", "date": "2026-03-09"}, {"id": "tue", "periods": ["p1", "p2", "brk", "p3"]}],
            "periods": [
              {"id": "p1", "start": "09:00", "end": "10:00"},
              {"id": "p2", "start": "10:00", "end": "11:00"},
              {"id": "brk", "start": "11:00", "end": "11:15", "break": true},
              {"id": "p3", "start": "11:15", "end": "12:15"}
            ]
          },
          "rooms": [
            {"id": "hall", "capacity": 60},
            {"id": "lab", "capacity": 30, "features": ["lab"], "site": "science"},
            {"id": "field", "features": ["outdoor"], "unavailable": ["tue 11:15-12:15"]}
          ],
          "staff": [
            {"id": "t1", "role": "teacher", "skills": ["chem"], "available": ["mon", "tue 09:00-11:00"], "maxPerDay": 4, "max": 8, "preferredMaxPerDay": 3},
            {"id": "s1", "role": "student"},
          ],
          "activities": [
            {"id": "chem", "rooms": ["lab"], "years": [5, 7], "capacity": 30, "staff": [{"skills": ["chem"], "count": 1}]},
            {"id": "rocket", "duration": 2, "roomFeatures": ["outdoor"], "window": ["09:00-11:00"], "maxPerDay": 2, "maxSessions": 4},
            {"id": "assembly", "together": true, "rooms": ["hall"]},
            {"id": "lunch", "maxGroups": 2, "staff": [{"role": "student", "perPupils": 30, "ids": ["s1"]}]}
          ],
          "groups": [
            {"id": "g1", "name": "5A", "school": "A", "year": 5, "size": 25,
             "attend": [{"activity": "lunch", "daily": true}, {"activity": "assembly"},
                        {"oneOf": ["chem", "rocket"], "count": 1, "prefer": ["chem"]}]},
            {"id": "g2", "school": "B", "year": 6, "size": 28, "visit": ["mon"], "needs": [],
             "attend": [{"activity": "assembly"}, {"activity": "rocket", "times": 1, "minDays": 1}]}
          ],
          "fixed": [{"activity": "assembly", "day": "mon", "start": "p3", "room": "hall", "groups": ["g1", "g2"], "staff": []}],
          "weights": {"preference": 5, "idleGap": 1, "siteChange": 2, "spread": 5, "isolated": 0, "roomStability": 0,
                      "mixSchools": 0, "sessions": 0, "staffOverload": 0, "overCapacity": null}
        }
        """

    static let schedule = """
        {"format": "carousel-schedule/1", "problem": "Fuzz base",
         "sessions": [
          {"activity": "rocket", "day": "mon", "start": "p1", "room": "field", "groups": ["g2"], "staff": []},
          {"activity": "chem", "day": "mon", "start": "p1", "room": "lab", "groups": ["g1"], "staff": ["t1"]},
          {"activity": "lunch", "day": "mon", "start": "p2", "room": "hall", "groups": ["g1"], "staff": ["s1"]},
          {"activity": "assembly", "day": "mon", "start": "11:15", "room": "hall", "groups": ["g1", "g2"], "staff": []},
          {"activity": "lunch", "day": "tue", "start": "p1", "room": "hall", "groups": ["g1"], "staff": ["s1"]}
         ],
         "score": {"hard": 0, "soft": 0}}
        """
}
