using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace Sargable.EntityFrameworkCore.Tests.Support
{
    /// <summary>
    /// Collects the guard's DiagnosticListener events raised on the subscribing test's own async flow (listeners are
    /// process-wide and test classes run in parallel).
    /// </summary>
    public sealed class DiagnosticListenerProbe : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private static readonly AsyncLocal<DiagnosticListenerProbe?> Owner = new();

        private readonly List<SargableFindingEvent> events;
        private readonly List<IDisposable> subscriptions = new();

        private DiagnosticListenerProbe(List<SargableFindingEvent> events)
        {
            this.events = events;
        }

        public static DiagnosticListenerProbe Subscribe(List<SargableFindingEvent> events)
        {
            var probe = new DiagnosticListenerProbe(events);
            Owner.Value = probe;
            probe.subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(probe));
            return probe;
        }

        public void Dispose()
        {
            lock (subscriptions)
            {
                foreach (var subscription in subscriptions)
                {
                    subscription.Dispose();
                }

                subscriptions.Clear();
            }
        }

        void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
        {
            if (listener.Name == SargableDiagnostics.ListenerName)
            {
                lock (subscriptions)
                {
                    subscriptions.Add(listener.Subscribe(this));
                }
            }
        }

        void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
        {
            if (ReferenceEquals(Owner.Value, this) && value.Key == SargableDiagnostics.FindingEventName && value.Value is SargableFindingEvent finding)
            {
                lock (events)
                {
                    events.Add(finding);
                }
            }
        }

        void IObserver<DiagnosticListener>.OnCompleted()
        {
        }

        void IObserver<DiagnosticListener>.OnError(Exception error)
        {
        }

        void IObserver<KeyValuePair<string, object?>>.OnCompleted()
        {
        }

        void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
        {
        }
    }
}
