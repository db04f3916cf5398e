import CarouselModel

/// `arrivalCrowding` (a Carousel addition): per gate, day and clock quarter
/// hour, the coaches arriving in it less those of the school (party) with
/// the most — the coaches that share a quarter hour at one gate with
/// another school's. Staggered arrivals cost nothing. (`ArrivalTable` says
/// who travels together and when they arrive.)
enum ArrivalCrowding {
    static let scoring = SoftTermScoring(evaluate: evaluate, component: .gateDay(cost), placement: .mayLowerAny)

    static func evaluate(_ placed: PlacedSchedule) -> Int {
        placed.gateArrivals().reduce(0) { total, arrivals in
            total
                + arrivals.withUnsafeBufferPointer {
                    ArrivalTable.load($0, capacity: CompiledInstance.unlimited).crowding
                }
        }
    }

    static func cost(_ gate: Int, _ d: Int, _ state: PartialSchedule) -> Int {
        state.gateLoad(gate, day: d).crowding
    }
}
