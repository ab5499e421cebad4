using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Hosting;
using DistressBot.Storage;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Health;

/// <summary>
/// The open-cases gauge is refreshed from the case records alone: after a commit that changed a case, no person is read
/// (at 100,000 people that read held the store thread for seconds, ahead of alarms).
/// </summary>
public sealed class OpenCasesFigureTests
{
    [Fact]
    public async Task ReadOpenCasesAsync_OpenAndAcknowledgedCounted_ResolvedAndDrillsNot_ReadsNoPerson()
    {
        var w = DomainWorld.WithCaseChain();
        w.Run(db => Alarms.Sos(db, db.People.Find(w.Chain.Salek.Id)!, CaseChain.Opening, CaseChain.Opening));
        w.Run(db => Alarms.Drill(db, db.People.Find(w.Chain.Salek.Id)!, db.People.Find(w.Chain.Nina.Id)!, CaseChain.Opening));
        var counting = new CountingStore(new InMemoryRecordStore(w.Store));

        var open = await StatusFigures.ReadOpenCasesAsync(new BotStore(counting, w.Crypto), CancellationToken.None);

        Assert.Equal(1, open); // the SOS case; the drill is not counted
        Assert.Equal(0, counting.PeopleReads);
        Assert.Equal(1, w.Run(db => db.People.All().Count(p => p.Checkin?.OpenCaseId is not null))); // the same figure the people give

        w.Run(db =>
        {
            var @case = db.Cases.Find("C-0001")!;
            @case.Status = CaseStatus.Resolved;
            db.Cases.Save(@case);
        });
        Assert.Equal(0, await StatusFigures.ReadOpenCasesAsync(new BotStore(counting, w.Crypto), CancellationToken.None));
    }

    // Counts the person records read (by id, by lookup, or in a scan) and passes everything through.
    private sealed class CountingStore(IRecordStore inner) : IRecordStore
    {
        public int PeopleReads { get; private set; }

        public Task<T> ExecuteAsync<T>(Func<IRecordSession, T> work, CancellationToken cancellationToken = default) =>
            inner.ExecuteAsync(session => work(new Session(session, this)), cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();

        private sealed class Session(IRecordSession inner, CountingStore counts) : IRecordSession
        {
            public StoredRecord? Find(string collection, string id)
            {
                Count(collection, 1);
                return inner.Find(collection, id);
            }

            public StoredRecord? FindByLookup(string collection, ReadOnlySpan<byte> lookup)
            {
                Count(collection, 1);
                return inner.FindByLookup(collection, lookup);
            }

            public IReadOnlyList<StoredRecord> AllByLookup(string collection, ReadOnlySpan<byte> lookup)
            {
                var found = inner.AllByLookup(collection, lookup);
                Count(collection, found.Count);
                return found;
            }

            public IReadOnlyList<StoredRecord> All(string collection)
            {
                var all = inner.All(collection);
                Count(collection, all.Count);
                return all;
            }

            public void Put(StoredRecord record) => inner.Put(record);

            public bool Delete(string collection, string id) => inner.Delete(collection, id);

            public long NextSequence(string name) => inner.NextSequence(name);

            private void Count(string collection, int rows)
            {
                if (collection == Collections.People)
                {
                    counts.PeopleReads += rows;
                }
            }
        }
    }
}
