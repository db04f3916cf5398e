/// Decoding of Carousel's additions for the day itself (docs/format.md, "On
/// the day"): gates and coaches, a group's adults, dietary counts and gate,
/// an activity's equipment, and the wet-weather fallback of outdoor
/// activities.
extension ProblemDecoder {
    static let gateKeys = ["id", "name", "site", "capacity"]
    static let coachKeys = ["seats", "arriveBefore", "leaveAfter"]
    static let wetWeatherKeys = ["rooms", "activity"]

    /// The `gates` list (empty when absent). A gate without `site` is at
    /// `"main"`, which a `sites` list must then name.
    mutating func decodeGates(_ top: ObjectReader) throws(InputError) -> [Gate] {
        var gates: [Gate] = []
        for (i, v) in (try top.list("gates") ?? []).enumerated() {
            let r = try ObjectReader(v, path: "gates[\(i)]", file: file, allowed: Self.gateKeys)
            let id = try r.id(unique: gateIndex)
            gateIndex[id] = i
            var site = "main"
            if let given = try siteReference(r, "site") {
                site = given
            } else if hasSiteList && siteIndex["main"] == nil {
                throw r.error(
                    nil, "missing \"site\": the sites list has no \"main\", where a gate without one would be",
                    hint: "give one of \(ListText.joined(siteIndex.sorted { $0.value < $1.value }.map(\.key)))")
            }
            gates.append(
                Gate(
                    id: id, name: try r.string("name"), site: site,
                    capacity: try r.int("capacity", minimum: 1, maximum: 1_000)))
        }
        return gates
    }

    /// The `coaches` object, or nil when absent.
    func decodeCoaches(_ top: ObjectReader) throws(InputError) -> CoachPlan? {
        guard let v = top.value("coaches") else { return nil }
        let r = try ObjectReader(v, path: "coaches", file: file, allowed: Self.coachKeys)
        guard r.has("seats") else {
            throw r.error(nil, "missing \"seats\" (the seats in one coach, for pupils and adults)")
        }
        return CoachPlan(
            seats: try r.int("seats", minimum: 1, maximum: 1_000) ?? 1,
            arriveBefore: try r.int("arriveBefore", minimum: 0, maximum: 240) ?? CoachPlan.defaultArriveBefore,
            leaveAfter: try r.int("leaveAfter", minimum: 0, maximum: 240) ?? CoachPlan.defaultLeaveAfter)
    }

    /// A group's `adults`, `dietary` and `gate`.
    func decodeVisitors(_ r: ObjectReader, into group: inout Group) throws(InputError) {
        group.adults = try r.int("adults", minimum: 0, maximum: 10_000) ?? 0
        if let dv = r.value("dietary") {
            let d = try ObjectReader(dv, path: r.childPath("dietary"), file: file, allowed: nil)
            for entry in d.object.entries {
                let path = d.childPath(entry.key)
                guard entry.key.contains(where: { !$0.isWhitespace }) else {
                    throw InputError(
                        file: file, location: entry.keyLocation, path: path,
                        message: "a dietary need needs a name, such as \"vegetarian\"")
                }
                let count = try ObjectReader.int(entry.value, path: path, file: file, minimum: 0, maximum: group.size)
                group.dietary.append(DietaryCount(need: entry.key, count: count))
            }
        }
        if let v = r.value("gate"), !v.isNull {
            guard let id = v.string else { throw r.error("gate", "expected a gate id (a string), got \(v.kindName)") }
            group.gate = try resolve(id, in: gateIndex, kind: "gate", at: v, path: r.childPath("gate"))
        }
    }

    /// An activity's `outdoor` and `equipment` (its `wetWeather` is read
    /// once every activity is known: `decodeWetWeather`).
    func decodeSetUp(_ r: ObjectReader, into activity: inout Activity) throws(InputError) {
        activity.outdoor = try r.bool("outdoor") ?? false
        activity.equipment = (try r.strings("equipment") ?? []).map(\.value)
        if activity.outdoor && activity.rooms == nil && activity.roomFeatures.isEmpty {
            throw r.error(
                "outdoor", "an outdoor activity needs \"rooms\" or \"roomFeatures\" to say which outdoor spaces it uses"
            )
        }
    }

    /// Every activity's `wetWeather`: required with `outdoor`, refused
    /// without; exactly one of `rooms` (indoor rooms the activity does not
    /// otherwise use) and `activity` (another activity, not outdoor, with
    /// the same `together`).
    func decodeWetWeather(_ top: ObjectReader, activities: inout [Activity], rooms: [Room]) throws(InputError) {
        for (i, v) in (try top.list("activities") ?? []).enumerated() {
            let r = try ObjectReader(v, path: "activities[\(i)]", file: file, allowed: Self.activityKeys)
            let activity = activities[i]
            guard let wv = r.value("wetWeather"), !wv.isNull else {
                if activity.outdoor {
                    throw r.error(
                        "outdoor",
                        "an outdoor activity needs \"wetWeather\": {\"rooms\": [...]} (indoor rooms) or {\"activity\": \"...\"} (an indoor replacement)"
                    )
                }
                continue
            }
            guard activity.outdoor else {
                throw r.error(
                    "wetWeather", "\"wetWeather\" is for outdoor activities; add \"outdoor\": true or remove it")
            }
            let w = try ObjectReader(wv, path: r.childPath("wetWeather"), file: file, allowed: Self.wetWeatherKeys)
            switch (w.has("rooms"), w.has("activity")) {
            case (true, true): throw w.error("activity", "give either \"rooms\" or \"activity\", not both")
            case (false, false):
                throw w.error(nil, "expected \"rooms\" (indoor rooms) or \"activity\" (an indoor replacement)")
            case (true, false):
                let list = try resolveList(w, "rooms", in: roomIndex, kind: "room") ?? []
                guard !list.isEmpty else { throw w.error("rooms", "expected at least one indoor room") }
                for (k, room) in list.enumerated()
                where activity.roomFeatures.isSubset(of: rooms[room].features)
                    && (activity.rooms?.contains(room) ?? true)
                {
                    throw InputError(
                        file: file, location: w.value("rooms")?.array?[k].location,
                        path: w.childPath("rooms") + "[\(k)]",
                        message:
                            "room \"\(rooms[room].id)\" is one of this activity's own (outdoor) rooms; wet-weather rooms are indoor rooms it does not otherwise use"
                    )
                }
                activities[i].wetWeather = .rooms(list)
            case (false, true):
                guard let av = w.value("activity"), let name = av.string else {
                    throw w.error("activity", "expected an activity id (a string)")
                }
                let b = try resolve(name, in: activityIndex, kind: "activity", at: av, path: w.childPath("activity"))
                if b == i { throw w.error("activity", "an activity cannot be its own wet-weather replacement") }
                if activities[b].outdoor {
                    throw w.error(
                        "activity",
                        "replacement \"\(name)\" is itself outdoor; a wet-weather replacement is held indoors")
                }
                if activities[b].together != activity.together {
                    throw w.error(
                        "activity",
                        "replacement \"\(name)\" \(activity.together ? "is not" : "is") a together activity, unlike \"\(activity.id)\""
                    )
                }
                activities[i].wetWeather = .activity(b)
            }
        }
    }
}
